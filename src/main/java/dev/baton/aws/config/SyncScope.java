package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * What a sync reads and how.
 *
 * @param resourceTypes          {@code --sync-resource-types}; empty means every registered type
 * @param syncSecrets            {@code --sync-secrets}: access keys as secrets
 * @param onlyAttachedPolicies   {@code --sync-only-attached-policies}
 * @param ssoUserLastLogin       {@code --sync-sso-user-last-login}: CloudTrail last login for SSO users
 * @param lastLoginWindowDays    how far back CloudTrail is searched
 * @param fastPath               use GetAccountAuthorizationDetails + credential report (off: upstream's N+1 calls)
 * @param targets                {@code --sync-resources} and the skip flags
 */
public record SyncScope(
        Set<String> resourceTypes,
        boolean syncSecrets,
        boolean onlyAttachedPolicies,
        boolean ssoUserLastLogin,
        int lastLoginWindowDays,
        boolean fastPath,
        ScimConfig scim,
        SyncTargets targets) {
    public SyncScope {
        resourceTypes = Set.copyOf(requireNonNull(resourceTypes, "resourceTypes is null"));
        requireNonNull(scim, "scim is null");
        requireNonNull(targets, "targets is null");
    }

    /** A full sync: every resource's entitlements and grants. */
    public SyncScope(
            Set<String> resourceTypes,
            boolean syncSecrets,
            boolean onlyAttachedPolicies,
            boolean ssoUserLastLogin,
            int lastLoginWindowDays,
            boolean fastPath,
            ScimConfig scim) {
        this(
                resourceTypes,
                syncSecrets,
                onlyAttachedPolicies,
                ssoUserLastLogin,
                lastLoginWindowDays,
                fastPath,
                scim,
                SyncTargets.everything());
    }

    /** True when the type is synced in this run (no filter, or the filter names it). */
    public boolean includes(String resourceTypeId) {
        return resourceTypes.isEmpty() || resourceTypes.contains(resourceTypeId);
    }
}
