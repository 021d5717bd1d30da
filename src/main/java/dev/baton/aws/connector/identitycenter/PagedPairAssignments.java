package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;

/**
 * {@link AssignmentStrategy#UPSTREAM}: one {@code sso:ListAccountAssignments} page per read and no cache, so the
 * {@code account} grants (G7) and the binding grants (G8) each list every pair, as the upstream connector does. It
 * exists to measure the upstream call pattern ({@code --no-fast-path}); it is never the cheaper choice.
 */
final class PagedPairAssignments implements AssignmentReader {
    private final SsoAdminClient ssoAdmin;
    private final IdentityCenterInstanceProvider instance;

    PagedPairAssignments(SsoAdminClient ssoAdmin, IdentityCenterInstanceProvider instance) {
        this.ssoAdmin = requireNonNull(ssoAdmin, "ssoAdmin is null");
        this.instance = requireNonNull(instance, "instance is null");
    }

    @Override
    public Page read(String accountId, String permissionSetArn, String token) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        String awsToken = token.isEmpty() ? null : token;
        ListAccountAssignmentsResponse page = AwsCall.require("sso", "ListAccountAssignments", accountId,
                permissionSetArn, () -> ssoAdmin.listAccountAssignments(b -> b.instanceArn(instanceArn)
                        .accountId(accountId).permissionSetArn(permissionSetArn).nextToken(awsToken)));
        List<Assignment> assignments = page.accountAssignments().stream()
                .map(a -> new Assignment(a.principalTypeAsString(), a.principalId())).toList();
        return new Page(assignments, PermissionSetCatalog.hasMore(page.nextToken()) ? page.nextToken() : "");
    }
}
