package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * Which listings beyond resources a sync runs, as the baton SDK's common flags choose them.
 *
 * @param targets                     {@code --sync-resources}: resource keys ({@code <type>:<id>}) whose
 *                                    entitlements and grants are listed; empty lists them for every resource. A
 *                                    targeted sync still lists resources (the principals and parents its grants
 *                                    name) but neither lists other resources' entitlements and grants nor expands
 * @param skipGrants                  {@code --skip-grants}: list no grants (only with targets, as in the SDK)
 * @param skipEntitlementsAndGrants   {@code --skip-entitlements-and-grants}: list resources only
 */
public record SyncSelection(Set<String> targets, boolean skipGrants, boolean skipEntitlementsAndGrants) {
    public SyncSelection {
        targets = Set.copyOf(requireNonNull(targets, "targets is null"));
    }

    /** Everything: every resource's entitlements and grants. */
    public static SyncSelection everything() {
        return new SyncSelection(Set.of(), false, false);
    }

    public boolean targeted() {
        return !targets.isEmpty();
    }

    /** Whether expansion runs: it needs every grant, so a targeted or grant-less sync skips it. */
    boolean expands() {
        return !targeted() && !skipGrants && !skipEntitlementsAndGrants;
    }

    boolean listsEntitlements(String resourceKey) {
        return !skipEntitlementsAndGrants && (targets.isEmpty() || targets.contains(resourceKey));
    }

    boolean listsGrants(String resourceKey) {
        return !skipGrants && listsEntitlements(resourceKey);
    }
}
