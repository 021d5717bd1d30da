package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** A permission set assigned to a user or group ({@code principalType} USER | GROUP) in an account. */
public record AccountAssignment(String accountId, String permissionSetArn, String principalType, String principalId) {
    public AccountAssignment {
        requireNonNull(accountId, "accountId is null");
        requireNonNull(permissionSetArn, "permissionSetArn is null");
        requireNonNull(principalType, "principalType is null");
        requireNonNull(principalId, "principalId is null");
    }
}
