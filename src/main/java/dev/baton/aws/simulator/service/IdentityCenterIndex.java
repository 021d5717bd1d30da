package dev.baton.aws.simulator.service;

import dev.baton.aws.simulator.world.AccountAssignment;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.PermissionSet;
import dev.baton.aws.simulator.world.ProvisionedPermissionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lookup tables over one Identity Center snapshot. A sync asks ListAccountAssignments once per (account,
 * permission set) pair, thousands of times on a generated world; scanning every assignment per call made the
 * simulator the bottleneck. Snapshots are immutable and every write replaces the {@link IdentityCenter} instance,
 * so the tables are rebuilt exactly when the snapshot they were built from is no longer current.
 */
final class IdentityCenterIndex {
    private volatile Tables tables;

    /** The tables of {@code identityCenter}, built on first use after a write. */
    Tables of(IdentityCenter identityCenter) {
        Tables current = tables;
        if (current == null || current.source() != identityCenter) {
            current = Tables.build(identityCenter);
            tables = current;
        }
        return current;
    }

    /** Assignments by account and set, provisioned pairs both ways, permission sets by ARN; lists keep world order. */
    record Tables(
            IdentityCenter source,
            Map<String, List<AccountAssignment>> assignmentsByAccountAndSet,
            Map<String, List<String>> provisionedSetsByAccount,
            Map<String, List<String>> provisionedAccountsBySet,
            Map<String, PermissionSet> permissionSets) {

        static Tables build(IdentityCenter identityCenter) {
            Map<String, List<AccountAssignment>> assignments = new HashMap<>();
            for (AccountAssignment assignment : identityCenter.assignments()) {
                assignments
                        .computeIfAbsent(
                                key(assignment.accountId(), assignment.permissionSetArn()), k -> new ArrayList<>())
                        .add(assignment);
            }
            Map<String, Set<String>> setsByAccount = new HashMap<>();
            Map<String, Set<String>> accountsBySet = new HashMap<>();
            for (ProvisionedPermissionSet pair : identityCenter.effectiveProvisioned()) {
                setsByAccount
                        .computeIfAbsent(pair.accountId(), k -> new LinkedHashSet<>())
                        .add(pair.permissionSetArn());
                accountsBySet
                        .computeIfAbsent(pair.permissionSetArn(), k -> new LinkedHashSet<>())
                        .add(pair.accountId());
            }
            Map<String, PermissionSet> sets = new HashMap<>();
            identityCenter.permissionSets().forEach(set -> sets.putIfAbsent(set.arn(), set));
            return new Tables(identityCenter, assignments, lists(setsByAccount), lists(accountsBySet), sets);
        }

        List<AccountAssignment> assignments(String accountId, String permissionSetArn) {
            return assignmentsByAccountAndSet.getOrDefault(key(accountId, permissionSetArn), List.of());
        }

        private static String key(String accountId, String permissionSetArn) {
            return accountId + "|" + permissionSetArn;
        }

        private static Map<String, List<String>> lists(Map<String, Set<String>> sets) {
            Map<String, List<String>> result = new HashMap<>();
            sets.forEach((key, values) -> result.put(key, List.copyOf(values)));
            return result;
        }
    }
}
