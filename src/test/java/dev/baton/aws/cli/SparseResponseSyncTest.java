package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.SparseMode;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole sync against sparse replies (the simulator leaving out members AWS's API models do not require) must
 * still exit 0, write a valid file, and produce the ids of a sync against full replies, except where the member
 * left out is itself where an id comes from ({@link #OMITTED_ID_SOURCES}), or the id is a grant expanded only from
 * such lost grants ({@link #EXPANDED_FROM_LOST}). Runs the demo world and a small generated one, in both sparse
 * modes, on the fast path (assignments read with the automatic strategy) and with {@code --no-fast-path} (the
 * upstream pattern). The per-pair and per-principal strategies are the automatic one's two outcomes and are compared
 * on one world by the Identity Center connector tests. Each case prints one line: ids of the full and the sparse
 * sync, and the lost ids counted by reason.
 */
class SparseResponseSyncTest {
    /**
     * Ids that cannot survive a sparse reply, by the pattern they match, with the optional member they come from.
     * (The simulator keeps identifiers, {@code …Id} and {@code …Arn} members, and states; see MemberRule.)
     */
    static final Map<String, String> OMITTED_ID_SOURCES = Map.of(
            "^role:.+:assignment:",
                    "IAM's RoleDetail.AssumeRolePolicyDocument (GetAccountAuthorizationDetails) and"
                            + " Role.AssumeRolePolicyDocument (ListRoles, GetRole) are optional: a role's trust grants come"
                            + " from it",
            "::inline::",
                    "IAM's PolicyDetail.PolicyName (GetAccountAuthorizationDetails) is optional, and an inline"
                            + " policy's name is part of its id (the per-entity path takes names from the required"
                            + " PolicyNames of List{User,Group,Role}Policies)",
            "^grant:sso_(user|group):.+/ps-",
                    "SSO Admin's AccountAssignment.PrincipalType is optional: an"
                            + " assignment listed without it cannot be told a user's from a group's and is skipped with a"
                            + " warning");

    /**
     * A grant the full sync expanded from other grants (its sources) is lost when, for every entitlement it came
     * through, either the principal's grant of that entitlement or the grant to that entitlement's resource is lost
     * for one of the reasons above. So the connector's own IAM user loses ReadOnlyAccess and SecurityAudit: it holds
     * them only through its trust grant on role BatonConnector, which comes from the optional
     * AssumeRolePolicyDocument; Identity Center users lose the policies and accounts of assignments listed without
     * PrincipalType.
     */
    static final String EXPANDED_FROM_LOST = "expanded only from lost grants";

    private static final Map<String, SyncedIds> FULL_RUNS = new ConcurrentHashMap<>();

    @TempDir
    static Path dir;

    private static World demo() {
        return DemoWorld.create();
    }

    private static World generated() {
        return new WorldGenerator()
                .generate(
                        "accounts=3,iamUsersPerAccount=3,ssoUsers=8,ssoGroups=3,permissionSets=3,assignments=8,seed=5");
    }

    @Test
    void demoWorldAllSparseFastPath() {
        check("demo", SparseResponseSyncTest::demo, SparseMode.ALL, true);
    }

    @Test
    void demoWorldAllSparseNoFastPath() {
        check("demo", SparseResponseSyncTest::demo, SparseMode.ALL, false);
    }

    @Test
    void demoWorldRandomSparseFastPath() {
        check("demo", SparseResponseSyncTest::demo, SparseMode.RANDOM, true);
    }

    @Test
    void demoWorldRandomSparseNoFastPath() {
        check("demo", SparseResponseSyncTest::demo, SparseMode.RANDOM, false);
    }

    @Test
    void generatedWorldAllSparseFastPath() {
        check("generated", SparseResponseSyncTest::generated, SparseMode.ALL, true);
    }

    @Test
    void generatedWorldAllSparseNoFastPath() {
        check("generated", SparseResponseSyncTest::generated, SparseMode.ALL, false);
    }

    @Test
    void generatedWorldRandomSparseFastPath() {
        check("generated", SparseResponseSyncTest::generated, SparseMode.RANDOM, true);
    }

    @Test
    void generatedWorldRandomSparseNoFastPath() {
        check("generated", SparseResponseSyncTest::generated, SparseMode.RANDOM, false);
    }

    @Test
    void fullRepliesGiveTheSameIdsTwice() {
        Set<String> first = full("demo", SparseResponseSyncTest::demo, true).ids();
        assertEquals(first, run(demo(), SparseMode.NONE, true, "again").ids().ids());
        assertTrue(first.size() > 50, "the demo world syncs many ids: " + first.size());
    }

    @Test
    void theConnectorUsersManagedPoliciesAreLostOnlyWithItsTrustGrant() {
        SyncedIds full = full("demo", SparseResponseSyncTest::demo, true);
        String user = "iam_user:arn:aws:iam::111122223333:user/service/baton-connector";
        String trust = "role:arn:aws:iam::111122223333:role/BatonConnector:assignment";
        for (String policy : List.of("ReadOnlyAccess", "SecurityAudit")) {
            String grant = "iam_policy:arn:aws:iam::aws:policy/" + policy + ":attached:" + user;
            assertEquals(
                    new SyncedIds.GrantRow(
                            "iam_policy:arn:aws:iam::aws:policy/" + policy + ":attached", user, Set.of(trust)),
                    full.grants().get(grant),
                    "held through the role alone");
            assertEquals(
                    Map.of(trust + ":" + user, "^role:.+:assignment:", grant, EXPANDED_FROM_LOST),
                    reasons(full, Set.of(grant, trust + ":" + user)),
                    "lost with the trust grant");
            assertEquals(Map.of(), reasons(full, Set.of(grant)), "not explained while the trust grant is there");
        }
    }

    private static void check(String name, Supplier<World> world, SparseMode mode, boolean fastPath) {
        SyncedIds full = full(name, world, fastPath);
        SyncedIds sparse = run(world.get(), mode, fastPath, name + "-" + mode + "-" + fastPath)
                .ids();
        Set<String> extra = new TreeSet<>(sparse.ids());
        extra.removeAll(full.ids());
        assertEquals(Set.of(), extra, "a sparse reply must not invent ids");
        Set<String> lost = new TreeSet<>(full.ids());
        lost.removeAll(sparse.ids());
        Map<String, String> reasons = reasons(full, lost);
        Set<String> unexplained = new TreeSet<>(lost);
        unexplained.removeAll(reasons.keySet());
        assertEquals(Set.of(), unexplained, "ids lost although no member they come from was left out");
        System.out.println("sparse " + name + " " + mode.name().toLowerCase(Locale.ROOT) + " "
                + (fastPath ? "fast-path" : "no-fast-path") + ": exit 0, full "
                + full.ids().size() + " ids, sparse "
                + sparse.ids().size() + ", lost " + lost.size() + " "
                + reasons.values().stream()
                        .collect(Collectors.groupingBy(reason -> reason, TreeMap::new, Collectors.counting())));
    }

    /** The lost ids that are explained, each with its pattern in {@link #OMITTED_ID_SOURCES} or the expansion rule. */
    static Map<String, String> reasons(SyncedIds full, Set<String> lost) {
        Map<String, String> reasons = new TreeMap<>();
        for (String id : lost) {
            OMITTED_ID_SOURCES.keySet().stream()
                    .filter(pattern -> Pattern.compile(pattern).matcher(id).find())
                    .findFirst()
                    .ifPresent(pattern -> reasons.put(id, pattern));
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String id : lost) {
                if (!reasons.containsKey(id) && expandedFromLost(full, id, reasons.keySet())) {
                    reasons.put(id, EXPANDED_FROM_LOST);
                    grew = true;
                }
            }
        }
        return reasons;
    }

    private static boolean expandedFromLost(SyncedIds full, String id, Set<String> explained) {
        SyncedIds.GrantRow grant = full.grants().get(id);
        if (grant == null || grant.sources().isEmpty() || grant.sources().contains(grant.entitlement())) {
            return false; // not a grant, or one AWS listed directly
        }
        for (String source : grant.sources()) {
            boolean holderLost = full.grantOf(source, grant.principal())
                    .filter(explained::contains)
                    .isPresent();
            String through = full.entitlementResources().get(source);
            boolean grantLost = through != null
                    && full.grantOf(grant.entitlement(), through)
                            .filter(explained::contains)
                            .isPresent();
            if (!holderLost && !grantLost) {
                return false;
            }
        }
        return true;
    }

    private static SyncedIds full(String name, Supplier<World> world, boolean fastPath) {
        return FULL_RUNS.computeIfAbsent(
                name + "-" + fastPath,
                key -> run(world.get(), SparseMode.NONE, fastPath, key + "-full")
                        .ids());
    }

    private static SimulatorCliSync.Outcome run(World world, SparseMode mode, boolean fastPath, String label) {
        List<String> flags = new ArrayList<>(List.of("--workers", "4"));
        if (!fastPath) {
            flags.add("--no-fast-path");
        }
        return SimulatorCliSync.run(world, server -> server.sparse(mode, 3), dir.resolve(label + ".c1z"), flags);
    }
}
