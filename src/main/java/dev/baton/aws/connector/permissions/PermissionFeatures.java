package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.SyncScope;

/**
 * The settings that decide which AWS permissions a run needs.
 *
 * @param organization  Organizations, Identity Center, child-account IAM and the child role's name
 * @param scope         secrets, CloudTrail last login, SCIM, the fast path and attached-only policies
 * @param provisioning  {@code -p}: grants, revokes, account creation and deletion
 * @param accountCreationType {@code iam_user} or {@code sso_user}: which user type account creation makes
 */
public record PermissionFeatures(
        OrganizationConfig organization, SyncScope scope, boolean provisioning, String accountCreationType) {
    public PermissionFeatures {
        requireNonNull(organization, "organization is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(accountCreationType, "accountCreationType is null");
    }

    boolean identityCenter() {
        return organization.identityCenter();
    }

    boolean childAccounts() {
        return organization.syncCrossAccountIam();
    }

    boolean fastPath() {
        return scope.fastPath();
    }

    /** The fast path reads AWS-managed policies attached nowhere only when every policy is synced. */
    boolean unattachedPolicies() {
        return !scope.fastPath() || !scope.onlyAttachedPolicies();
    }

    boolean cloudTrail() {
        return identityCenter() && scope.ssoUserLastLogin();
    }

    boolean createsIamUsers() {
        return provisioning && !accountCreationType.equals("sso_user");
    }

    boolean createsSsoUsers() {
        return provisioning && identityCenter() && accountCreationType.equals("sso_user");
    }
}
