package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldGenerator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Identity Center's quota is shared by SSO Admin and Identity Store, and by everyone else using the instance (the
 * console, other tools), so AWS may accept far fewer calls than the connector is set to send. With the simulator's
 * Identity Center admitting 20 calls a second and the connector sending up to 100, calls are throttled for real; the
 * sync still exits 0 and writes the same rows as a run AWS does not throttle, on the fast path and on the upstream
 * call pattern. (The IAM counterpart is connector/iam/ThrottledIamSyncTest.)
 */
class ThrottledIdentityCenterSyncTest {
    private static final double AWS_RATE = 20;
    private static final List<String> CLIENT = List.of("--rate-identity-center", "100", "--workers", "8");

    @TempDir
    Path dir;

    private static World world() {
        return new WorldGenerator()
                .generate(
                        "accounts=4,iamUsersPerAccount=1,ssoUsers=30,ssoGroups=10,permissionSets=8,assignments=60,seed=11");
    }

    @Test
    void fastPathThrottledAtAFifthOfTheClientRateWritesTheSameRows() {
        check(List.of());
    }

    @Test
    void upstreamCallPatternThrottledAtAFifthOfTheClientRateWritesTheSameRows() {
        check(List.of("--no-fast-path"));
    }

    private void check(List<String> path) {
        List<String> flags = new ArrayList<>(CLIENT);
        flags.addAll(path);
        SimulatorCliSync.Outcome clean =
                SimulatorCliSync.run(world(), server -> server, dir.resolve("clean.c1z"), flags);
        SimulatorCliSync.Outcome throttled = SimulatorCliSync.run(
                world(),
                server -> server.ratePerSecond("identityCenter", AWS_RATE),
                dir.resolve("throttled.c1z"),
                flags);

        assertEquals(0, identityCenter(clean.stats().throttled()), "AWS without a quota throttles nothing");
        long throttles = identityCenter(throttled.stats().throttled());
        long calls = identityCenter(throttled.stats().calls());
        assertTrue(
                throttles > 0,
                "Identity Center must have been throttled: " + throttled.stats().throttled());
        System.out.println("throttled Identity Center " + (path.isEmpty() ? "fast path" : "upstream pattern") + ": "
                + calls + " calls, " + throttles + " throttled; unthrottled run "
                + identityCenter(clean.stats().calls()) + " calls");
        assertEquals(clean.ids().ids(), throttled.ids().ids());
        assertEquals(clean.ids().grants(), throttled.ids().grants(), "the same grants, expanded the same way");
    }

    /** The counts of SSO Admin and Identity Store operations together: the calls that share the quota. */
    private static long identityCenter(Map<String, Long> byOperation) {
        return byOperation.entrySet().stream()
                .filter(e -> e.getKey().startsWith("sso:") || e.getKey().startsWith("identitystore:"))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
