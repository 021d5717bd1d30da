package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

/**
 * Who may assume the connector's role and where it lives.
 *
 * @param connectorRoleName   the connector's role (e.g. {@code BatonConnector})
 * @param managementAccountId the account of that role; member-account roles trust it
 * @param trustedPrincipal    the principal that assumes the connector role (a user or role ARN, or an account root)
 * @param externalId          required as {@code sts:ExternalId} when assuming the connector role; empty for none
 */
public record RoleSetup(
        String connectorRoleName, String managementAccountId, String trustedPrincipal, String externalId) {
    public RoleSetup {
        requireNonNull(connectorRoleName, "connectorRoleName is null");
        requireNonNull(managementAccountId, "managementAccountId is null");
        requireNonNull(trustedPrincipal, "trustedPrincipal is null");
        requireNonNull(externalId, "externalId is null");
    }

    public String connectorRoleArn() {
        return "arn:aws:iam::" + managementAccountId + ":role/" + connectorRoleName;
    }
}
