package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;

/** {@link AssignmentStrategy#PER_PAIR}: one {@code sso:ListAccountAssignments} page per read, as upstream does. */
final class PerPairAssignments implements AssignmentReader {
    private final SsoAdminClient ssoAdmin;
    private final IdentityCenterInstanceProvider instance;

    PerPairAssignments(SsoAdminClient ssoAdmin, IdentityCenterInstanceProvider instance) {
        this.ssoAdmin = requireNonNull(ssoAdmin, "ssoAdmin is null");
        this.instance = requireNonNull(instance, "instance is null");
    }

    @Override
    public Page read(String accountId, String permissionSetArn, String token) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        ListAccountAssignmentsResponse response = AwsCall.require("sso", "ListAccountAssignments", accountId,
                permissionSetArn, () -> ssoAdmin.listAccountAssignments(b -> b.instanceArn(instanceArn)
                        .accountId(accountId).permissionSetArn(permissionSetArn)
                        .nextToken(token.isEmpty() ? null : token)));
        List<Assignment> assignments = response.accountAssignments().stream()
                .map(a -> new Assignment(a.principalTypeAsString(), a.principalId()))
                .toList();
        return new Page(assignments, response.nextToken());
    }
}
