package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.world.WorldGenerator;
import dev.baton.aws.testing.C1zAssertions;
import dev.baton.aws.testing.C1zTables;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CI-sized fault suite: one clean sync of a small generated organization, then one sync per fault the simulator
 * offers, each into a copy of the clean file, compared with the clean run table by table (resource types,
 * resources, entitlements, grants: ids and stored bytes, see {@link C1zTables}). A fault the connector absorbs must
 * exit 0 with no row lost, extra or changed; a fault it cannot absorb must exit 1 naming what failed and leave the
 * previous file byte for byte. Every row also checks in the simulator's counters that its fault really happened.
 * {@code scripts/faults.sh} runs the same faults, at the sizes, on a larger organization with the packaged
 * CLI; docs/faults.md describes both.
 */
class FaultSuiteTest {
    private static final String WORLD =
            "accounts=4,iamUsersPerAccount=6,ssoUsers=30,ssoGroups=6,permissionSets=4,assignments=30,seed=7";
    /**
     * Small IAM and Organizations pages: more calls, so that a reply cut short or stalled lands on IAM's streamed
     * XML too, and page markers are in flight under every fault. Identity Center keeps its default pages, so the
     * throttling rows stay short (its calls bound them).
     */
    private static final Map<String, Integer> PAGE_SIZES = Map.of("iam", 3, "organizations", 3);
    /** Every client rate (--rate-*), low enough that the client runs at it, so AWS below it really throttles. */
    private static final double CLIENT_RATE = 25;

    private static final List<String> RATE_FLAGS =
            List.of("--rate-iam", "--rate-identity-center", "--rate-organizations", "--rate-sts", "--rate-cloudtrail");

    @TempDir
    static Path dir;

    private static Path cleanFile;
    private static C1zTables clean;
    private static CallStats.Snapshot cleanCalls;

    /**
     * What the simulator does to the sync, how the client is set up for it, and how to see in the simulator's
     * counters that it did happen.
     */
    record Fault(
            String name,
            UnaryOperator<SimulatorServer.Builder> simulator,
            UnaryOperator<AwsClientSettings> client,
            Predicate<Evidence> happened) {
        Fault(String name, UnaryOperator<SimulatorServer.Builder> simulator, Predicate<Evidence> happened) {
            this(name, simulator, settings -> settings, happened);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The fault run's counters beside the clean run's. */
    record Evidence(CallStats.Snapshot clean, CallStats.Snapshot faulty) {
        long throttled() {
            return sum(faulty.throttled());
        }

        long serverErrors() {
            return sum(faulty.errors());
        }

        /** Calls beyond the clean run's: the retries of replies lost on the way (the simulator did the work). */
        long retried(String service) {
            return calls(faulty, service) - calls(clean, service);
        }

        private static long calls(CallStats.Snapshot snapshot, String service) {
            return snapshot.calls().entrySet().stream()
                    .filter(entry -> entry.getKey().startsWith(service + ":"))
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        private static long sum(Map<String, Long> counters) {
            return counters.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static Stream<Fault> absorbedFaults() {
        return Stream.of(
                new Fault("5% 5xx", b -> b.errorRate(0.05), e -> e.serverErrors() > 0),
                new Fault("15% 5xx", b -> b.errorRate(0.15), e -> e.serverErrors() > 0),
                new Fault("AWS at 1/2 of the client rates", b -> rates(b, CLIENT_RATE / 2), e -> e.throttled() > 0),
                new Fault("AWS at 1/10 of the client rates", b -> rates(b, CLIENT_RATE / 10), e -> e.throttled() > 0),
                // 20 ms per call stretches the sync over several lifetimes of the session credentials
                new Fault(
                        "credentials live 1 s",
                        b -> b.credentialLifetimeSeconds(1).latencyMs(20),
                        e -> e.faulty().calls("sts:AssumeRole") > e.clean().calls("sts:AssumeRole")),
                // uniform 0-100 ms; the script runs 0-1000 ms. Latency leaves no trace in the counters.
                new Fault("latency 50 ± 50 ms", b -> b.jitterMs(100), e -> true),
                new Fault("10% dropped connections", b -> b.dropConnectionRate(0.10), e -> e.retried("iam") > 0),
                new Fault("10% bodies cut mid-way", b -> b.truncateBodyRate(0.10), e -> e.retried("iam") > 0),
                new Fault(
                        "10% bodies stalled past the read time-out",
                        b -> b.slowBody(0.10, 2_000),
                        client -> client.withReadTimeout(Duration.ofMillis(500)),
                        e -> e.retried("iam") > 0));
    }

    private static SimulatorServer.Builder rates(SimulatorServer.Builder builder, double rate) {
        for (String scope : SimulatorCommand.RATE_SCOPES) {
            builder.ratePerSecond(scope, rate);
        }
        return builder;
    }

    @BeforeAll
    static void cleanSync() throws Exception {
        cleanFile = dir.resolve("clean.c1z");
        Outcome outcome = sync(cleanFile, b -> b, settings -> settings, List.of());
        assertEquals(0, outcome.code, outcome.err);
        C1zAssertions.assertValidC1z(cleanFile);
        clean = C1zTables.read(cleanFile, dir);
        cleanCalls = outcome.calls;
        assertTrue(
                clean.counts().values().stream().allMatch(rows -> rows > 0), "every table has rows: " + clean.counts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("absorbedFaults")
    void aFaultTheConnectorAbsorbsGivesTheCleanRows(Fault fault) throws Exception {
        Path file = dir.resolve(fault.name().replaceAll("[^A-Za-z0-9]+", "-") + ".c1z");
        Files.copy(cleanFile, file);
        Outcome outcome = sync(file, fault.simulator(), fault.client(), List.of());
        assertEquals(0, outcome.code, fault + ": " + outcome.err);
        assertTrue(
                fault.happened().test(new Evidence(cleanCalls, outcome.calls)),
                fault + " did not happen: " + outcome.calls);
        C1zAssertions.assertValidC1z(file);
        C1zTables.Comparison comparison = C1zTables.read(file, dir).against(clean);
        assertTrue(comparison.same(), fault + ":\n" + comparison);
    }

    /**
     * The other outcome the suite allows: a failed run, with the previous file intact and nothing left beside it but
     * the run's progress (docs/resumable-syncs.md), which the next run continues to the clean rows.
     */
    @Test
    void throttlingPastTheRetryBudgetExitsOneNamingTheCallAndKeepsThePreviousFile() throws Exception {
        Path file = dir.resolve("budget.c1z");
        Files.copy(cleanFile, file);
        byte[] previous = Files.readAllBytes(file);
        Outcome outcome =
                sync(file, b -> b.ratePerSecond("iam", 0.01), settings -> settings, List.of("--retry-budget", "2s"));
        assertEquals(1, outcome.code, outcome.err);
        assertTrue(
                outcome.err
                        .strip()
                        .matches("baton-aws: iam:\\w+ .*\\(account \\d{12}\\): Throttling: still failing"
                                + " after \\d+ retr(y|ies) within the retry budget of 2s \\(--retry-budget\\)"),
                outcome.err);
        assertArrayEquals(previous, Files.readAllBytes(file));
        assertEquals(List.of(), leftovers("budget.c1z"));
        assertEquals(1, leftovers(".budget.c1z.").size(), "the failed run's progress is kept");

        Outcome continued = sync(file, b -> b, settings -> settings, List.of("--log-level", "info"));
        assertEquals(0, continued.code, continued.err);
        assertTrue(continued.err.contains("continuing an unfinished sync"), continued.err);
        assertTrue(C1zTables.read(file, dir).against(clean).same());
        assertEquals(List.of(), leftovers(".budget.c1z."), "a committed sync leaves no progress behind");
    }

    private static List<String> leftovers(String name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(other -> other.startsWith(name) && !other.equals(name))
                    .toList();
        }
    }

    private record Outcome(int code, String err, CallStats.Snapshot calls) {}

    /** One CLI sync, in-process, of a fresh simulator of {@link #WORLD} with {@code fault} applied. */
    private static Outcome sync(
            Path file,
            UnaryOperator<SimulatorServer.Builder> fault,
            UnaryOperator<AwsClientSettings> client,
            List<String> extraArgs) {
        Clock clock = Clock.systemUTC();
        SimulatorExtension simulator =
                SimulatorExtension.of(new WorldGenerator().generate(WORLD)).clock(clock);
        PAGE_SIZES.forEach(simulator::pageSize);
        try (SimulatorExtension aws = simulator.server(fault).start()) {
            ConnectionFacts facts = aws.facts();
            List<String> args = new ArrayList<>(SimulatorCliSync.connectionFlags(facts));
            args.addAll(List.of(
                    "--global-aws-cross-account-iam-enabled",
                    "--sync-secrets",
                    "--workers",
                    "4",
                    "-f",
                    file.toString()));
            for (String flag : RATE_FLAGS) {
                args.addAll(List.of(flag, Double.toString(CLIENT_RATE)));
            }
            if (!extraArgs.contains("--log-level")) {
                args.addAll(List.of("--log-level", "warn"));
            }
            args.addAll(extraArgs);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            AwsClientSettings settings = client.apply(AwsClientSettings.endpoint(aws.endpoint(), clock));
            int code = Main.run(
                    new ConnectorWiring(settings, clock),
                    new ProcessContext(Map.of(), dir),
                    new PrintWriter(out),
                    new PrintWriter(err),
                    args.toArray(String[]::new));
            return new Outcome(code, err.toString(), aws.stats());
        }
    }
}
