package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsForPrincipalResponse;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * {@link AssignmentStrategy#PER_PRINCIPAL}: an index of every assignment of the given principals, built once with
 * {@code sso:ListAccountAssignmentsForPrincipal} (all pages per principal). A read answers one (account, permission
 * set) pair from the index in a single page. The index is immutable once built.
 *
 * <p>Assignments are keyed by the principal AWS reports on each entry and de-duplicated, because AWS may also
 * return a user's group-derived assignments (naming the group) when asked about the user; the group's own listing
 * reports the same entry, and it must count once, as {@code ListAccountAssignments} would.
 */
final class PerPrincipalAssignments implements AssignmentReader {
    private final Map<String, List<Assignment>> byPair;

    private PerPrincipalAssignments(Map<String, List<Assignment>> byPair) {
        this.byPair = byPair;
    }

    static PerPrincipalAssignments build(SsoAdminClient ssoAdmin, IdentityCenterInstance instance,
                                         List<Assignment> principals) throws SyncException {
        requireNonNull(ssoAdmin, "ssoAdmin is null");
        Map<String, Set<Assignment>> byPair = new LinkedHashMap<>();
        for (Assignment principal : principals) {
            for (AccountAssignmentForPrincipal found : assignmentsOf(ssoAdmin, instance, principal)) {
                byPair.computeIfAbsent(key(found.accountId(), found.permissionSetArn()), k -> new LinkedHashSet<>())
                        .add(new Assignment(found.principalTypeAsString(), found.principalId()));
            }
        }
        Map<String, List<Assignment>> frozen = new LinkedHashMap<>();
        byPair.forEach((pair, assignments) -> frozen.put(pair, List.copyOf(assignments)));
        return new PerPrincipalAssignments(frozen);
    }

    @Override
    public Page read(String accountId, String permissionSetArn, String token) {
        return new Page(byPair.getOrDefault(key(accountId, permissionSetArn), List.of()), "");
    }

    private static List<AccountAssignmentForPrincipal> assignmentsOf(SsoAdminClient ssoAdmin,
                                                                     IdentityCenterInstance instance,
                                                                     Assignment principal) throws SyncException {
        List<AccountAssignmentForPrincipal> found = new ArrayList<>();
        String token = null;
        do {
            String next = token;
            ListAccountAssignmentsForPrincipalResponse page = AwsCall.require("sso",
                    "ListAccountAssignmentsForPrincipal", "", principal.principalId(),
                    () -> ssoAdmin.listAccountAssignmentsForPrincipal(b -> b.instanceArn(instance.instanceArn())
                            .principalType(PrincipalType.fromValue(principal.principalType()))
                            .principalId(principal.principalId()).nextToken(next)));
            found.addAll(page.accountAssignments());
            token = page.nextToken();
        } while (PermissionSetCatalog.hasMore(token));
        return found;
    }

    private static String key(String accountId, String permissionSetArn) {
        return accountId + "|" + permissionSetArn;
    }
}
