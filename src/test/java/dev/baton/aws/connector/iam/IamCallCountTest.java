package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Counts the AWS calls of one sync of one account (simulator statistics, IAM page size 2) on the fast path and on
 * upstream's per-entity path, and checks the fast path's shape: one snapshot per account, no per-entity reads; and
 * the calls per account of an organization sync (page size 100, so one page per listing).
 */
class IamCallCountTest {
    private static final List<String> PER_ENTITY_READS = List.of(
            "iam:GetUser",
            "iam:ListMFADevices",
            "iam:GetLoginProfile",
            "iam:GetGroup",
            "iam:GetRole",
            "iam:ListAttachedUserPolicies",
            "iam:ListAttachedGroupPolicies",
            "iam:ListAttachedRolePolicies",
            "iam:ListUserPolicies",
            "iam:GetAccessKeyLastUsed");

    /** Adds {@code users} users, each in both groups and with one used access key, to the single-account world. */
    private static Consumer<ObjectNode> scaled(int users) {
        return tree -> {
            ArrayNode list =
                    (ArrayNode) tree.path("accounts").get(0).path("iam").path("users");
            for (int i = 0; i < users; i++) {
                ObjectNode user = list.addObject().put("name", "user" + i).put("loginProfile", i % 2 == 0);
                user.putArray("groups").add("admins").add("devs");
                user.putObject("tags").put("team", "t" + (i % 3));
                ObjectNode key = user.putArray("accessKeys")
                        .addObject()
                        .put("id", String.format("AKIASCALED%010d", i))
                        .put("status", "Active")
                        .put("createDate", "2024-02-01T00:00:00Z");
                key.putObject("lastUsed")
                        .put("date", "2024-03-01T00:00:00Z")
                        .put("service", "s3")
                        .put("region", "us-east-1");
            }
        };
    }

    private static Map<String, Long> countCalls(Consumer<ObjectNode> world, boolean fastPath) throws Exception {
        try (SimulatorExtension fixture =
                IamSync.simulator("iam-single.json", world).start()) {
            IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(fastPath, true, Set.of()));
            CallStats.Snapshot stats = fixture.stats();
            return new TreeMap<>(stats.calls());
        }
    }

    private static long total(Map<String, Long> calls) {
        return calls.entrySet().stream()
                .filter(e -> e.getKey().startsWith("iam:"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Test
    void fastPathReadsEachAccountOnceAndMakesNoPerEntityReads() throws Exception {
        for (int users : List.of(0, 20)) {
            Map<String, Long> fast = countCalls(scaled(users), true);
            Map<String, Long> fallback = countCalls(scaled(users), false);
            System.out.printf(
                    "iam calls for one account with %d users: fast path %d %s%n  fallback %d %s%n",
                    users + 4, total(fast), fast, total(fallback), fallback);
            assertEquals(1L, fast.get("iam:GetCredentialReport"));
            assertEquals(1L, fast.get("iam:GenerateCredentialReport"), "STARTED, then Get, not Generate again");
            // the top-level listing asks only for the AWS-managed policies GAAD leaves out: 2, one page of 2
            assertEquals(1L, fast.get("iam:ListPolicies"));
            PER_ENTITY_READS.forEach(op -> assertEquals(0L, fast.getOrDefault(op, 0L), op));
            assertTrue(total(fast) < total(fallback));
        }
    }

    /** The IAM snapshot operations; every other IAM read of the fast path is per key or per unused AWS policy. */
    private static final List<String> SNAPSHOT_READS = List.of(
            "iam:GetAccountAuthorizationDetails",
            "iam:ListRoles",
            "iam:GenerateCredentialReport",
            "iam:GetCredentialReport");

    private static Map<String, Long> countOrganizationCalls(boolean fastPath, boolean onlyAttached) throws Exception {
        Consumer<ObjectNode> onePage = tree -> ((ObjectNode) tree.path("limits").path("pageSize")).put("iam", 100);
        try (SimulatorExtension fixture =
                IamSync.simulator("iam-org.json", onePage).start()) {
            IamSync.sync(
                    fixture,
                    IamSyncersOrganizationTest.SINGLE_HOP,
                    IamSync.ORG,
                    new SyncScope(Set.of(), false, onlyAttached, false, 30, fastPath, ScimConfig.disabled()));
            return new TreeMap<>(fixture.stats().calls());
        }
    }

    @Test
    void fastPathReadsEachAccountWithFourCallsPlusOneListPoliciesForTheCallersAccount() throws Exception {
        int accounts = 2; // the caller's management account and the one assumable child
        Map<String, Long> calls = countOrganizationCalls(true, false);
        SNAPSHOT_READS.forEach(op -> assertEquals((long) accounts, calls.get(op), op));
        // AWS-managed policies in use nowhere in the caller's account: listed once per sync, at top level only;
        // customer-managed ones come from GAAD in every account
        assertEquals(1L, calls.get("iam:ListPolicies"), calls.toString());
        long accountReads = SNAPSHOT_READS.stream().mapToLong(calls::get).sum() + calls.get("iam:ListPolicies");
        assertEquals(4L * accounts + 1, accountReads, "4 per account, 5 for the caller's: " + calls);
    }

    @Test
    void onlyAttachedPoliciesComeFromGaadWithoutListPolicies() throws Exception {
        Map<String, Long> fast = countOrganizationCalls(true, true);
        Map<String, Long> fallback = countOrganizationCalls(false, true);
        assertEquals(0L, fast.getOrDefault("iam:ListPolicies", 0L), fast.toString());
        assertEquals(2L, fallback.get("iam:ListPolicies"), "one per account on the per-entity path");
    }
}
