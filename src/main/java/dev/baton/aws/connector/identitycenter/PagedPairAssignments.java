package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;

/**
 * {@link AssignmentStrategy#UPSTREAM}: one {@code sso:ListAccountAssignments} page per read and no cache, so the
 * {@code account} grants and the binding grants each list every pair, as the upstream connector does. It exists to
 * measure the upstream call pattern ({@code --no-fast-path}); it is never the cheaper choice. The account and
 * permission set of each entry are the ones asked for, so only its principal is read from the answer.
 */
final class PagedPairAssignments implements AssignmentReader {
    private final AwsClients clients;
    private final IdentityCenterInstanceProvider instance;
    private final SyncWarnings warnings;

    PagedPairAssignments(AwsClients clients, IdentityCenterInstanceProvider instance, SyncWarnings warnings) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    @Override
    public AssignmentPage read(String accountId, String permissionSetArn, String token) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        String awsToken = token.isEmpty() ? null : token;
        ListAccountAssignmentsResponse page = AwsCall.require(
                clients.gateway(),
                SsoOperations.LIST_ACCOUNT_ASSIGNMENTS.in(accountId).on(permissionSetArn),
                () -> clients.ssoAdmin()
                        .listAccountAssignments(b -> b.instanceArn(instanceArn)
                                .accountId(accountId)
                                .permissionSetArn(permissionSetArn)
                                .nextToken(awsToken)));
        String entry =
                "sso:ListAccountAssignments: account assignment of " + permissionSetArn + " on account " + accountId;
        List<Assignment> assignments = new ArrayList<>();
        for (AccountAssignment found : page.accountAssignments()) {
            AssignedPrincipals.of(found.principalTypeAsString(), found.principalId(), entry, warnings)
                    .ifPresent(assignments::add);
        }
        String next = AwsPaging.nextToken(page.nextToken(), awsToken);
        return new AssignmentPage(assignments, next == null ? "" : next);
    }
}
