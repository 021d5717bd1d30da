package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;

/**
 * {@link AssignmentStrategy#PER_PAIR}: {@code sso:ListAccountAssignments} per (account, permission set) pair, all
 * pages on first use and cached for the sync. Both the {@code account} grants (G7) and the binding grants (G8) read
 * every pair, so without the cache each pair would be listed twice.
 */
final class PerPairAssignments implements AssignmentReader {
    private final SsoAdminClient ssoAdmin;
    private final IdentityCenterInstanceProvider instance;
    private final SyncCache<Pair, List<Assignment>> byPair = new SyncCache<>(this::fetch);

    private record Pair(String accountId, String permissionSetArn) {}

    PerPairAssignments(SsoAdminClient ssoAdmin, IdentityCenterInstanceProvider instance) {
        this.ssoAdmin = requireNonNull(ssoAdmin, "ssoAdmin is null");
        this.instance = requireNonNull(instance, "instance is null");
    }

    /** The whole pair in one page; {@code token} is never needed since pages are never split. */
    @Override
    public Page read(String accountId, String permissionSetArn, String token) throws SyncException {
        return new Page(byPair.get(new Pair(accountId, permissionSetArn)), "");
    }

    private List<Assignment> fetch(Pair pair) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        List<Assignment> assignments = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListAccountAssignmentsResponse page = AwsCall.require("sso", "ListAccountAssignments",
                    pair.accountId(), pair.permissionSetArn(), () -> ssoAdmin.listAccountAssignments(b -> b
                            .instanceArn(instanceArn).accountId(pair.accountId())
                            .permissionSetArn(pair.permissionSetArn()).nextToken(next)));
            page.accountAssignments().forEach(a -> assignments.add(
                    new Assignment(a.principalTypeAsString(), a.principalId())));
            token = page.nextToken();
        } while (PermissionSetCatalog.hasMore(token));
        return List.copyOf(assignments);
    }
}
