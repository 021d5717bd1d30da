package dev.baton.aws.connector.iam;

import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The IAM syncers of one run. They share one per-sync snapshot cache, so build one instance per sync.
 *
 * @param accountIam present when child-account IAM is synced
 * @param accessKey  present with {@code --sync-secrets}
 */
public record IamSyncers(
        ResourceSyncer user,
        ResourceSyncer role,
        ResourceSyncer group,
        ResourceSyncer policy,
        ResourceSyncer inlinePolicy,
        Optional<ResourceSyncer> accountIam,
        Optional<ResourceSyncer> accessKey) {
    /**
     * @param permissionSetInlinePolicies {@link PermissionSetInlinePolicies#none()} when Identity Center is off
     */
    public static IamSyncers create(SyncContext context, PermissionSetInlinePolicies permissionSetInlinePolicies) {
        SyncScope scope = context.scope();
        SyncWarnings warnings = context.warnings();
        IamReaders readers = new IamReaders(context.clients(), scope.fastPath(), warnings);
        boolean policyGrants = scope.includes(ResourceTypes.IAM_POLICY_ID);
        return new IamSyncers(
                new IamUserSyncer(readers, warnings, policyGrants),
                new IamRoleSyncer(readers, warnings, policyGrants),
                new IamGroupSyncer(readers, warnings, policyGrants),
                new IamPolicySyncer(readers, warnings, scope.onlyAttachedPolicies()),
                new InlinePolicySyncer(readers, warnings, permissionSetInlinePolicies),
                context.organization().syncCrossAccountIam()
                        ? Optional.of(new AccountIamSyncer(
                                context.clients(), context.accounts(), warnings, scope.syncSecrets()))
                        : Optional.empty(),
                scope.syncSecrets() ? Optional.of(new AccessKeySyncer(readers)) : Optional.empty());
    }

    /** All of them, in upstream registration order. */
    public List<ResourceSyncer> syncers() {
        List<ResourceSyncer> all = new ArrayList<>(List.of(user, role, group, policy, inlinePolicy));
        accountIam.ifPresent(all::add);
        accessKey.ifPresent(all::add);
        return all;
    }
}
