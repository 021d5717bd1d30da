package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.c1z.C1zCounts;
import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldGenerator;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * End-to-end sync benchmark: for each world size, a generated organization served by the in-process simulator with
 * AWS-like latency and rate limits, synced by the CLI in a forked JVM in the fast mode (default flags, 8 workers)
 * and in the upstream call pattern ({@code --workers 1 --no-fast-path}). Prints, per run, wall time, calls per
 * service and operation, throttles, retries, peak RSS, c1z size and rows, and the rate-limit bound (what the
 * busiest rate scope alone needs at its allowed rate), then a table; writes {@code target/bench/results.*}.
 * <p>
 * Tagged {@code bench}, so {@code mvn verify} never runs it. Run {@code scripts/bench.sh} or
 * {@code mvn -Pbench test -Dtest=SyncBenchmark -Dbench.worlds=S,M}; the knobs are in {@link BenchSettings}.
 */
@Tag("bench")
class SyncBenchmark {
    private static final String SSO_REGION_FALLBACK = "us-east-1";

    @Test
    void syncGeneratedWorldsAgainstRateLimitedSimulator() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchReport report = new BenchReport(settings);
        StringBuilder text = new StringBuilder(report.header());
        System.out.print(report.header());
        List<BenchRun> runs = new ArrayList<>();
        for (String world : settings.worlds()) {
            runs.addAll(runWorld(settings, report, world, text));
        }
        String table = report.table(runs) + sameRows(runs);
        text.append('\n').append(table);
        System.out.print('\n' + table);
        report.write(text.toString(), runs);
        for (BenchRun run : runs) {
            assertEquals(
                    0,
                    run.exitCode(),
                    run.world() + "/" + run.mode() + " failed; see its sync.log under " + settings.output());
            assertTrue(run.counts().resources() > 0, run.world() + "/" + run.mode() + " wrote no resources");
        }
    }

    private static List<BenchRun> runWorld(BenchSettings settings, BenchReport report, String name, StringBuilder text)
            throws Exception {
        long generating = System.nanoTime();
        World world = new WorldGenerator().generate(BenchSettings.spec(name));
        System.out.printf(
                "world %s generated in %.1f s: %s%n",
                name, (System.nanoTime() - generating) / 1e9, BenchSettings.spec(name));
        WorldState state = new WorldState(world, Clock.systemUTC());
        SimulatorServer.Builder builder = SimulatorServer.builder(state)
                .latencyMs(settings.latencyMs())
                .jitterMs(settings.jitterMs())
                .jsonServices(JsonServices.create(state))
                .scimHandler(new ScimHandler(state));
        settings.rates().forEach(builder::ratePerSecond);
        List<BenchRun> runs = new ArrayList<>();
        try (SimulatorServer server = builder.build().start()) {
            for (String mode : settings.modes()) {
                BenchRun run = runMode(settings, server, world, name, mode);
                String block = report.block(run);
                System.out.print(block);
                text.append(block);
                runs.add(run);
            }
        }
        return runs;
    }

    private static BenchRun runMode(
            BenchSettings settings, SimulatorServer server, World world, String name, String mode) throws Exception {
        Path dir = settings.output().resolve(name.replaceAll("[^A-Za-z0-9]+", "_") + "-" + mode);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("sync.c1z"));
        ConnectionFacts facts = server.connectionFacts().orElseThrow();
        server.stats().reset();
        ProcessBuilder process = new ProcessBuilder(command(settings, facts, world, dir, mode))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.out").toFile());
        environment(process.environment(), facts, world);
        long started = System.nanoTime();
        Process child = process.start();
        if (!child.waitFor(Long.getLong("bench.timeoutMinutes", 60), TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError(name + "/" + mode + " did not finish in time; see " + dir);
        }
        double jvmSeconds = (System.nanoTime() - started) / 1e9;
        CallStats.Snapshot stats = server.stats().snapshot();
        Map<String, Long> admitted = server.stats().admittedByScope();
        Properties result = properties(dir.resolve("result.properties"), dir);
        Path c1z = dir.resolve("sync.c1z");
        C1zCounts counts = Files.exists(c1z) ? counts(c1z) : new C1zCounts(0, 0, 0, 0, new TreeMap<>());
        return new BenchRun(
                name,
                mode,
                Integer.parseInt(result.getProperty("exitCode")),
                Long.parseLong(result.getProperty("wallNanos")) / 1e9,
                jvmSeconds,
                new TreeMap<>(stats.calls()),
                new TreeMap<>(stats.throttled()),
                new TreeMap<>(admitted),
                Long.parseLong(result.getProperty("clientThrottled")),
                Long.parseLong(result.getProperty("clientRetries")),
                Long.parseLong(result.getProperty("vmHwmKiB")),
                Long.parseLong(result.getProperty("heapPeakBytes")),
                Files.exists(c1z) ? Files.size(c1z) : 0,
                counts);
    }

    /** The forked JVM: the benchmark's child main with the CLI flags a user would give for this organization. */
    private static List<String> command(
            BenchSettings settings, ConnectionFacts facts, World world, Path dir, String mode) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmArgs());
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(BenchSyncProcess.class.getName());
        command.add(facts.endpoint().toString());
        command.add(dir.resolve("result.properties").toString());
        command.add(dir.resolve("sync.log").toString());
        String ssoRegion =
                world.identityCenter() != null ? world.identityCenter().region() : SSO_REGION_FALLBACK;
        command.addAll(List.of(
                "--global-access-key-id",
                facts.accessKeyId(),
                "--global-region",
                facts.region(),
                "--role-arn",
                facts.roleArn(),
                "--external-id",
                facts.externalId(),
                "--global-aws-orgs-enabled",
                "--global-aws-sso-enabled",
                "--global-aws-sso-region",
                ssoRegion,
                "--global-aws-cross-account-iam-enabled",
                "--sync-secrets",
                "-f",
                "sync.c1z"));
        if (world.identityCenter() != null && world.identityCenter().scimToken() != null) {
            command.addAll(List.of(
                    "--scim-enabled",
                    "--scim-endpoint",
                    facts.endpoint().toString().replaceAll("/$", "") + "/scim/v2"));
        }
        command.addAll(settings.modeArgs(mode));
        command.addAll(settings.extraArgs());
        return command;
    }

    /** Secrets go to the child through its environment; the caller's own AWS and BATON variables do not. */
    private static void environment(Map<String, String> environment, ConnectionFacts facts, World world) {
        environment.keySet().removeIf(key -> key.startsWith("AWS_") || key.startsWith("BATON_"));
        environment.put(
                "BATON_GLOBAL_SECRET_ACCESS_KEY", facts.secretAccessKey().value());
        if (world.identityCenter() != null && world.identityCenter().scimToken() != null) {
            environment.put(
                    "BATON_SCIM_TOKEN", world.identityCenter().scimToken().value());
        }
    }

    private static Properties properties(Path file, Path dir) throws IOException {
        if (!Files.exists(file)) {
            throw new AssertionError("the sync JVM wrote no results; see " + dir.resolve("jvm.out"));
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static C1zCounts counts(Path c1z) throws Exception {
        try (C1zReader reader = C1zReader.open(c1z)) {
            return reader.counts();
        }
    }

    /** Whether both modes of a world wrote the same rows, a cheap check that the fast path reads the same data. */
    private static String sameRows(List<BenchRun> runs) {
        StringBuilder out = new StringBuilder();
        Map<String, BenchRun> fast = new TreeMap<>();
        runs.stream().filter(run -> run.mode().equals("fast")).forEach(run -> fast.put(run.world(), run));
        for (BenchRun run : runs) {
            BenchRun other = fast.get(run.world());
            if (!run.mode().equals("fast") && other != null) {
                out.append("world ")
                        .append(run.world())
                        .append(": ")
                        .append(run.mode())
                        .append(" and fast wrote ")
                        .append(
                                run.counts().equals(other.counts())
                                        ? "the same row counts"
                                        : "DIFFERENT row counts: " + run.counts() + " vs " + other.counts())
                        .append('\n');
            }
        }
        return out.toString();
    }
}
