package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * {@link AssignmentStrategy#PER_PRINCIPAL}: an index of every assignment of the given principals, built once with
 * {@code sso:ListAccountAssignmentsForPrincipal} (all pages per principal). A read answers one (account, permission
 * set) pair from the index in a single page. The index is immutable once built.
 *
 * <p>Principals are read several at once ({@link ParallelReads}): one call takes a round trip, so one principal
 * after the other would leave the Identity Center quota mostly unused. Their answers are indexed in principal
 * order on the building thread, so the index and the warnings do not depend on which call answers first.
 *
 * <p>Assignments are keyed by the principal AWS reports on each entry and de-duplicated, because AWS may also
 * return a user's group-derived assignments (naming the group) when asked about the user; the group's own listing
 * reports the same entry, and it must count once, as {@code ListAccountAssignments} would. For the same reason an
 * entry that leaves out its principal is not credited to the principal asked about: like an entry without its
 * account or permission set, it is skipped with one warning.
 */
final class PerPrincipalAssignments implements AssignmentReader {
    private final Map<String, List<Assignment>> byPair;

    private PerPrincipalAssignments(Map<String, List<Assignment>> byPair) {
        this.byPair = byPair;
    }

    /**
     * @param readers how many principals are read at once (the sync's {@code --workers}); the Identity Center
     *                client's rate limiter paces them, and the index is the same for any number
     */
    static PerPrincipalAssignments build(
            AwsClients clients,
            IdentityCenterInstance instance,
            List<Assignment> principals,
            int readers,
            SyncWarnings warnings,
            AssignmentMemo memo)
            throws SyncException {
        requireNonNull(clients, "clients is null");
        Map<String, Set<Assignment>> byPair = new LinkedHashMap<>();
        ParallelReads.forEachInOrder(
                principals,
                readers,
                "sso-assignment-reader",
                principal -> recallOrRead(clients, instance, principal, memo),
                (principal, assignments) -> index(principal, assignments, byPair, warnings));
        Map<String, List<Assignment>> frozen = new LinkedHashMap<>();
        byPair.forEach((pair, assignments) -> frozen.put(pair, List.copyOf(assignments)));
        return new PerPrincipalAssignments(frozen);
    }

    /** Adds one principal's answer to the index; runs on the building thread, in principal order. */
    private static void index(
            Assignment principal,
            List<AccountAssignmentForPrincipal> assignments,
            Map<String, Set<Assignment>> byPair,
            SyncWarnings warnings) {
        for (AccountAssignmentForPrincipal found : assignments) {
            String entry = "sso:ListAccountAssignmentsForPrincipal on " + principal.principalId()
                    + ": account assignment of " + AwsValues.firstText(found.permissionSetArn(), "(no ARN)")
                    + " on account " + AwsValues.firstText(found.accountId(), "(no id)");
            Optional<String> pair = pair(found, entry, warnings);
            Optional<Assignment> assigned = pair.isEmpty()
                    ? Optional.empty()
                    : AssignedPrincipals.of(found.principalTypeAsString(), found.principalId(), entry, warnings);
            if (assigned.isPresent()) {
                byPair.computeIfAbsent(pair.get(), k -> new LinkedHashSet<>()).add(assigned.get());
            }
        }
    }

    @Override
    public AssignmentPage read(String accountId, String permissionSetArn, String token) {
        return new AssignmentPage(byPair.getOrDefault(key(accountId, permissionSetArn), List.of()), "");
    }

    /** The (account, permission set) key of an entry, or empty with a warning when the entry leaves one out. */
    private static Optional<String> pair(AccountAssignmentForPrincipal found, String entry, SyncWarnings warnings) {
        if (AwsValues.text(found.accountId()).isEmpty()) {
            warnings.warn(entry + " has no AccountId; skipping it");
            return Optional.empty();
        }
        if (AwsValues.text(found.permissionSetArn()).isEmpty()) {
            warnings.warn(entry + " has no PermissionSetArn; skipping it");
            return Optional.empty();
        }
        return Optional.of(key(found.accountId(), found.permissionSetArn()));
    }

    /** What an earlier run of this sync read for {@code principal}, else a read that is remembered. */
    private static List<AccountAssignmentForPrincipal> recallOrRead(
            AwsClients clients, IdentityCenterInstance instance, Assignment principal, AssignmentMemo memo)
            throws SyncException {
        return Remembered.recallOrRead(
                memo.principal(principal),
                () -> assignmentsOf(clients, instance, principal),
                answer -> memo.principal(principal, answer));
    }

    private static List<AccountAssignmentForPrincipal> assignmentsOf(
            AwsClients clients, IdentityCenterInstance instance, Assignment principal) throws SyncException {
        try {
            return AwsCall.all(
                    clients.gateway(),
                    SsoOperations.LIST_ACCOUNT_ASSIGNMENTS_FOR_PRINCIPAL.on(principal.principalId()),
                    token -> clients.ssoAdmin()
                            .listAccountAssignmentsForPrincipal(b -> b.instanceArn(instance.instanceArn())
                                    .principalType(PrincipalType.fromValue(principal.principalType()))
                                    .principalId(principal.principalId())
                                    .nextToken(token)),
                    ListAccountAssignmentsForPrincipalResponse::accountAssignments,
                    ListAccountAssignmentsForPrincipalResponse::nextToken);
        } catch (AwsCallException e) {
            throw AwsCall.failure(e);
        }
    }

    private static String key(String accountId, String permissionSetArn) {
        return accountId + "|" + permissionSetArn;
    }
}
