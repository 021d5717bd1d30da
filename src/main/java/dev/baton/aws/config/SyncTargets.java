package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * The baton SDK's flags that narrow what a sync lists beyond resources.
 *
 * @param resourceKeys                {@code --sync-resources}: {@code <type>:<id>} keys of the resources whose
 *                                    entitlements and grants a targeted sync lists; empty for a full sync
 * @param skipGrants                  {@code --skip-grants} (only with {@code --sync-resources})
 * @param skipEntitlementsAndGrants   {@code --skip-entitlements-and-grants}: resources only
 */
public record SyncTargets(Set<String> resourceKeys, boolean skipGrants, boolean skipEntitlementsAndGrants) {
    public SyncTargets {
        resourceKeys = Set.copyOf(requireNonNull(resourceKeys, "resourceKeys is null"));
    }

    public static SyncTargets everything() {
        return new SyncTargets(Set.of(), false, false);
    }
}
