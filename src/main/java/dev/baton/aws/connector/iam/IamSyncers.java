package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;

/**
 * The IAM syncers of one run, in upstream registration order: iam_user, role, group, iam_policy, inline_policy,
 * then account_iam (when child-account IAM is synced) and access-key (with {@code --sync-secrets}). They share one
 * per-sync snapshot cache, so build one instance per sync.
 */
public record IamSyncers(List<ResourceSyncer> syncers) {
    public IamSyncers {
        syncers = List.copyOf(requireNonNull(syncers, "syncers is null"));
    }

    /**
     * @param accounts                    the sync's one account listing (read only with cross-account IAM)
     * @param permissionSetInlinePolicies null when Identity Center is off
     */
    public static IamSyncers create(AwsClients clients, OrganizationConfig organization, SyncScope scope,
                                    SyncWarnings warnings, OrganizationAccounts accounts,
                                    PermissionSetInlinePolicies permissionSetInlinePolicies) {
        requireNonNull(organization, "organization is null");
        requireNonNull(scope, "scope is null");
        IamReaders readers = new IamReaders(clients, scope.fastPath(), warnings);
        boolean policyGrants = scope.includes(ResourceTypes.IAM_POLICY_ID);
        List<ResourceSyncer> syncers = new ArrayList<>();
        syncers.add(new IamUserSyncer(readers, warnings, policyGrants));
        syncers.add(new IamRoleSyncer(readers, warnings, policyGrants));
        syncers.add(new IamGroupSyncer(readers, warnings, policyGrants));
        syncers.add(new IamPolicySyncer(readers, warnings, scope.onlyAttachedPolicies()));
        syncers.add(new InlinePolicySyncer(readers, warnings, permissionSetInlinePolicies));
        if (organization.syncCrossAccountIam()) {
            syncers.add(new AccountIamSyncer(clients, accounts, warnings, scope.syncSecrets()));
        }
        if (scope.syncSecrets()) {
            syncers.add(new AccessKeySyncer(readers));
        }
        return new IamSyncers(syncers);
    }
}
