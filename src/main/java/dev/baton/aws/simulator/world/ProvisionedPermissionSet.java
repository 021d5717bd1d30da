package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** A permission set provisioned to an account. */
public record ProvisionedPermissionSet(String permissionSetArn, String accountId) {
    public ProvisionedPermissionSet {
        requireNonNull(permissionSetArn, "permissionSetArn is null");
        requireNonNull(accountId, "accountId is null");
    }
}
