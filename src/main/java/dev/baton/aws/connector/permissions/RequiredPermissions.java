package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What one set of flags needs: the permissions of the connector's role (in the management account, or the only
 * account) and of the role assumed in each member account (empty when child-account IAM is not synced). Both lists
 * are sorted by action.
 */
public record RequiredPermissions(
        PermissionFeatures features, List<Permission> connectorRole, List<Permission> childRole) {
    public RequiredPermissions {
        requireNonNull(features, "features is null");
        connectorRole = List.copyOf(connectorRole);
        childRole = List.copyOf(childRole);
    }

    public String childRoleName() {
        return features.organization().iamAssumeRoleName();
    }

    public boolean hasChildRole() {
        return !childRole.isEmpty();
    }

    public static List<String> actions(List<Permission> permissions) {
        return permissions.stream().map(Permission::action).toList();
    }
}
