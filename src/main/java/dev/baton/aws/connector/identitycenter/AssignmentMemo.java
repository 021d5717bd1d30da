package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.spi.SyncMemo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;

/**
 * The answers of assignment reading that a continued sync recalls instead of asking AWS again
 * (docs/resumable-syncs.md): the permission sets provisioned to each account, the strategy chosen, the principals the per-principal index reads, each principal's
 * assignments and each pair's principals. Each is what AWS answered, members it left out included, so a recalled
 * answer is indexed, and warned about, exactly as the original was. Values are lines of fields; AWS ids and ARNs
 * hold neither the separators nor the mark of a missing member.
 */
final class AssignmentMemo {
    private static final String LINE = "\n";
    private static final String FIELD = "\t";
    private static final String MISSING = "\u0000";
    private static final String STRATEGY = "sso:assignment-strategy";
    private static final String PRINCIPALS = "sso:assignment-principals";

    private final SyncMemo memo;

    AssignmentMemo(SyncMemo memo) {
        this.memo = requireNonNull(memo, "memo is null");
    }

    Optional<AssignmentStrategy> strategy() {
        return memo.recall(STRATEGY).map(AssignmentStrategy::valueOf);
    }

    void strategy(AssignmentStrategy chosen) {
        memo.remember(STRATEGY, chosen.name());
    }

    Optional<List<Assignment>> principals() {
        return memo.recall(PRINCIPALS).map(AssignmentMemo::assignments);
    }

    void principals(List<Assignment> principals) {
        memo.remember(PRINCIPALS, text(principals));
    }

    Optional<List<Assignment>> pair(String accountId, String permissionSetArn) {
        return memo.recall(pairKey(accountId, permissionSetArn)).map(AssignmentMemo::assignments);
    }

    void pair(String accountId, String permissionSetArn, List<Assignment> assignments) {
        memo.remember(pairKey(accountId, permissionSetArn), text(assignments));
    }

    /** The permission sets provisioned to an account, as an earlier run of this sync listed them. */
    Optional<List<String>> provisioned(String accountId) {
        return memo.recall("sso:provisioned" + FIELD + accountId).map(AssignmentMemo::lines);
    }

    void provisioned(String accountId, List<String> permissionSetArns) {
        memo.remember("sso:provisioned" + FIELD + accountId, String.join(LINE, permissionSetArns));
    }

    Optional<List<AccountAssignmentForPrincipal>> principal(Assignment principal) {
        return memo.recall(principalKey(principal)).map(AssignmentMemo::entries);
    }

    void principal(Assignment principal, List<AccountAssignmentForPrincipal> entries) {
        List<String> lines = new ArrayList<>(entries.size());
        for (AccountAssignmentForPrincipal entry : entries) {
            lines.add(String.join(
                    FIELD,
                    field(entry.accountId()),
                    field(entry.permissionSetArn()),
                    field(entry.principalTypeAsString()),
                    field(entry.principalId())));
        }
        memo.remember(principalKey(principal), String.join(LINE, lines));
    }

    private static String pairKey(String accountId, String permissionSetArn) {
        return "sso:pair" + FIELD + accountId + FIELD + permissionSetArn;
    }

    private static String principalKey(Assignment principal) {
        return "sso:principal" + FIELD + principal.principalType() + FIELD + principal.principalId();
    }

    private static String text(List<Assignment> assignments) {
        List<String> lines = new ArrayList<>(assignments.size());
        assignments.forEach(a -> lines.add(a.principalType() + FIELD + a.principalId()));
        return String.join(LINE, lines);
    }

    private static List<Assignment> assignments(String text) {
        List<Assignment> assignments = new ArrayList<>();
        for (String line : lines(text)) {
            String[] fields = line.split(FIELD, -1);
            assignments.add(new Assignment(fields[0], fields[1]));
        }
        return List.copyOf(assignments);
    }

    private static List<AccountAssignmentForPrincipal> entries(String text) {
        List<AccountAssignmentForPrincipal> entries = new ArrayList<>();
        for (String line : lines(text)) {
            String[] fields = line.split(FIELD, -1);
            entries.add(AccountAssignmentForPrincipal.builder()
                    .accountId(value(fields[0]))
                    .permissionSetArn(value(fields[1]))
                    .principalType(value(fields[2]))
                    .principalId(value(fields[3]))
                    .build());
        }
        return List.copyOf(entries);
    }

    private static List<String> lines(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split(LINE, -1));
    }

    private static String field(String value) {
        return value == null ? MISSING : value;
    }

    private static String value(String field) {
        return MISSING.equals(field) ? null : field;
    }
}
