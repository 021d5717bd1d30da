package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link AssignmentStrategy#PER_PAIR}: {@code sso:ListAccountAssignments} per (account, permission set) pair, all
 * pages on first use and cached for the sync. Both the {@code account} grants and the binding grants read
 * every pair, so without the cache each pair would be listed twice.
 */
final class PerPairAssignments implements AssignmentReader {
    private final PagedPairAssignments pages;
    private final AssignmentMemo memo;
    private final SyncCache<Pair, List<Assignment>> byPair = new SyncCache<>(this::fetch);

    private record Pair(String accountId, String permissionSetArn) {}

    PerPairAssignments(
            AwsClients clients, IdentityCenterInstanceProvider instance, SyncWarnings warnings, AssignmentMemo memo) {
        this.pages = new PagedPairAssignments(clients, instance, warnings);
        this.memo = memo;
    }

    /** The whole pair in one page; {@code token} is never needed since pages are never split. */
    @Override
    public AssignmentPage read(String accountId, String permissionSetArn, String token) throws SyncException {
        return new AssignmentPage(byPair.get(new Pair(accountId, permissionSetArn)), "");
    }

    private List<Assignment> fetch(Pair pair) throws SyncException {
        return Remembered.recallOrRead(
                memo.pair(pair.accountId(), pair.permissionSetArn()),
                () -> read(pair),
                answer -> memo.pair(pair.accountId(), pair.permissionSetArn(), answer));
    }

    private List<Assignment> read(Pair pair) throws SyncException {
        List<Assignment> assignments = new ArrayList<>();
        AssignmentPage page = pages.read(pair.accountId(), pair.permissionSetArn(), "");
        assignments.addAll(page.assignments());
        while (!page.nextToken().isEmpty()) {
            page = pages.read(pair.accountId(), pair.permissionSetArn(), page.nextToken());
            assignments.addAll(page.assignments());
        }
        return List.copyOf(assignments);
    }
}
