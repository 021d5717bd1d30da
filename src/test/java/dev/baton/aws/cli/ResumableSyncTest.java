package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.OutputSession;
import dev.baton.aws.c1z.ResumeSpec;
import dev.baton.aws.simulator.ConnectionFacts;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resumable syncs (docs/resumable-syncs.md) against one simulator: a reference sync without interruption, then
 * syncs killed with SIGKILL at random points (a separate JVM) and run again to the end, syncs that fail and are
 * continued, and the checks on what may be continued. {@code scripts/resume.sh} does the kills at the size
 * (ten points of an L-world sync) with the packaged CLI.
 */
class ResumableSyncTest {
    private static final String WORLD =
            "accounts=6,iamUsersPerAccount=10,ssoUsers=300,ssoGroups=20,permissionSets=8,assignments=300,seed=21";
    /** Per call: a sync of the world then takes a few seconds, long enough to be killed part-way. */
    private static final int LATENCY_MS = 40;

    @TempDir
    static Path dir;

    private static SimulatorExtension aws;
    private static Path reference;
    private static C1zTables referenceRows;
    private static long referenceCalls;

    @BeforeAll
    static void referenceSync() throws Exception {
        aws = SimulatorExtension.of(new WorldGenerator().generate(WORLD))
                .clock(Clock.systemUTC())
                .server(b -> b.latencyMs(LATENCY_MS))
                .pageSize("iam", 3)
                .pageSize("organizations", 3)
                .start();
        reference = dir.resolve("reference.c1z");
        long calls = calls();
        Process child = child(reference, List.of());
        assertTrue(child.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), childErr(reference));
        referenceCalls = calls() - calls;
        C1zAssertions.assertValidC1z(reference);
        referenceRows = C1zTables.read(reference, dir);
        assertTrue(referenceRows.rows() > 1_000, "a world big enough to be killed part-way: " + referenceRows.counts());
    }

    @AfterAll
    static void stopSimulator() {
        aws.close();
    }

    /**
     * Three kills at random points of the sync: once the simulator has answered a random share (15-85%, seeded so a
     * failure can be replayed) of the reference's calls. After each, the previous file
     * is byte-identical; the run that follows continues the sync ("continuing an unfinished sync" in its log) and
     * ends with the reference's rows, stored bytes included. The calls of both runs together stay near the
     * reference's: what a kill costs is the pages in flight and the few answers a new process must ask again (its
     * role's credentials, the Identity Center instance, the permission sets).
     */
    @Test
    void aSyncKilledAtRandomPointsIsContinuedToTheReferenceRows() throws Exception {
        Random random = new Random(Long.getLong("resume.seed", 7));
        List<String> report = new ArrayList<>();
        for (int run = 1; run <= 3; run++) {
            Path file = dir.resolve("killed-" + run + ".c1z");
            Files.copy(reference, file);
            byte[] previous = Files.readAllBytes(file);
            long killAt = (long) (referenceCalls * (0.15 + 0.7 * random.nextDouble()));
            long before = calls();
            Process killed = child(file, List.of("--checkpoint-interval", "0"));
            while (killed.isAlive() && calls() - before < killAt) {
                Thread.sleep(5);
            }
            killed.destroyForcibly(); // SIGKILL: nothing of the run's own stop handling runs
            assertTrue(killed.waitFor(1, TimeUnit.MINUTES));
            long callsBefore = calls() - before;
            assertArrayEquals(previous, Files.readAllBytes(file), "run " + run + ": the previous file was changed");

            Process resumed = child(file, List.of("--checkpoint-interval", "0"));
            assertTrue(resumed.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, resumed.exitValue(), childErr(file));
            long callsAfter = calls() - before - callsBefore;
            String log = childErr(file);
            C1zAssertions.assertValidC1z(file);
            C1zTables.Comparison comparison = C1zTables.read(file, dir).against(referenceRows);
            assertTrue(comparison.same(), "run " + run + " (killed after " + killAt + " calls):\n" + comparison);
            assertEquals(List.of(), checkpoints(file), "a committed sync leaves no checkpoint");
            double ratio = (double) (callsBefore + callsAfter) / referenceCalls;
            report.add("run " + run + ": killed after call " + killAt + ", calls " + callsBefore + " + " + callsAfter
                    + " = " + (callsBefore + callsAfter) + " of " + referenceCalls + " (" + ratio + "), "
                    + (log.contains("continuing an unfinished sync") ? "continued" : "started over"));
            assertTrue(log.contains("continuing an unfinished sync"), "run " + run + ": " + log);
            // what the killed run did is not asked again, but for the answers a new process needs once more
            assertTrue(callsAfter < referenceCalls - callsBefore / 2, String.join("\n", report));
            assertTrue(ratio <= 1.3, String.join("\n", report));
        }
        System.out.println(String.join("\n", report));
    }

    /**
     * A run that fails (IAM throttled past the retry budget) keeps its progress beside the file; a run with other
     * settings is refused, naming them and {@code --fresh}, and leaves the progress alone; the same settings continue
     * it to the reference's rows; {@code --fresh} would have started over.
     */
    @Test
    void aFailedRunIsContinuedOnlyWithTheSameSettings() throws Exception {
        Path file = dir.resolve("failed.c1z");
        Files.copy(reference, file);
        byte[] previous = Files.readAllBytes(file);
        Result failed = runThrottled(file, List.of("--retry-budget", "2s"));
        assertEquals(1, failed.code(), failed.err());
        assertArrayEquals(previous, Files.readAllBytes(file));
        assertEquals(1, checkpoints(file).size(), "the failed run's progress is kept");

        Result refused = run(file, List.of("--sync-resource-types", "iam_user,role"));
        assertEquals(2, refused.code(), refused.err());
        String line = refused.err().strip();
        assertFalse(line.contains("\n"), line);
        assertTrue(
                line.startsWith("baton-aws: --file (BATON_FILE): " + file.toAbsolutePath()
                                + ": an unfinished sync of this file, kept in ")
                        && line.contains("was started with other --sync-resource-types")
                        && line.endsWith("add --fresh to discard it"),
                line);
        assertEquals(1, checkpoints(file).size(), "a refused run leaves the progress alone");

        long before = calls();
        Result continued = run(file, List.of("--log-level", "info"));
        assertEquals(0, continued.code(), continued.err());
        assertTrue(calls() - before < referenceCalls, "what the failed run wrote is not asked again");
        assertTrue(continued.err().contains("continuing an unfinished sync"), continued.err());
        assertTrue(C1zTables.read(file, dir).against(referenceRows).same());
        assertEquals(List.of(), checkpoints(file));
    }

    @Test
    void freshDiscardsTheProgressAndStartsOver() throws Exception {
        Path file = dir.resolve("fresh.c1z");
        assertEquals(1, runThrottled(file, List.of("--retry-budget", "1s")).code());
        assertEquals(1, checkpoints(file).size());
        long before = calls();
        Result fresh = run(file, List.of("--fresh", "--log-level", "info"));
        assertEquals(0, fresh.code(), fresh.err());
        assertFalse(fresh.err().contains("continuing an unfinished sync"), fresh.err());
        assertTrue(fresh.err().contains("discarded the unfinished sync"), fresh.err());
        assertEquals(referenceCalls, calls() - before, "a fresh sync asks everything again");
        assertTrue(C1zTables.read(file, dir).against(referenceRows).same());
        assertEquals(List.of(), checkpoints(file));
    }

    /** The progress was built on the file as it was; a file another run committed since makes it stale. */
    @Test
    void progressOfAFileThatChangedSinceIsDiscarded() throws Exception {
        Path file = dir.resolve("changed.c1z");
        assertEquals(1, runThrottled(file, List.of("--retry-budget", "1s")).code());
        Files.copy(reference, file);
        Result next = run(file, List.of("--log-level", "info"));
        assertEquals(0, next.code(), next.err());
        assertTrue(next.err().contains("the file changed since the unfinished sync"), next.err());
        assertFalse(next.err().contains("continuing an unfinished sync"), next.err());
        assertTrue(C1zTables.read(file, dir).against(referenceRows).same());
    }

    /** With {@code --c1z-temp-dir} the progress lives there, named after the output, and nothing beside the file. */
    @Test
    void withATempDirectoryTheProgressIsKeptThere() throws Exception {
        Path temp = Files.createDirectories(dir.resolve("scratch"));
        Path file = dir.resolve("elsewhere.c1z");
        assertEquals(
                1,
                runThrottled(file, List.of("--retry-budget", "1s", "--c1z-temp-dir", temp.toString()))
                        .code());
        assertEquals(List.of(), checkpoints(file));
        Path kept = ResumeSpec.directoryFor(file, temp);
        assertTrue(Files.isDirectory(kept), kept.toString());
        assertTrue(Files.exists(kept.resolve("sync.db")));
    }

    /** A stop signal says where the progress stays. */
    @Test
    void aStopNamesTheProgressItLeaves() throws Exception {
        Path file = dir.resolve("stopped.c1z");
        StringWriter err = new StringWriter();
        ActiveOutputs outputs = ActiveOutputs.withSignals(new PrintWriter(err));
        OutputSession session = OutputSession.open(file, dir);
        Path kept = Files.createDirectories(ResumeSpec.directoryFor(file, dir));
        dev.baton.aws.c1z.C1zWriter writer = dev.baton.aws.c1z.C1zWriter.createResumable(
                session,
                dev.baton.aws.c1z.C1zWriterOptions.defaults().withTempDir(dir),
                dev.baton.aws.c1z.SyncHistory.replaceExisting(),
                new ResumeSpec(kept, Map.of("--role-arn", "r"), false));
        outputs.register(session);
        String line = outputs.stopAll("SIGTERM");
        writer.close();
        assertEquals(
                "baton-aws: stopped by SIGTERM; " + file.toAbsolutePath() + " was not written; its progress is kept in "
                        + kept + ": run the same command again to continue",
                line);
    }

    private record Result(int code, String err) {}

    /** One sync in this JVM against the shared simulator. */
    private static Result run(Path file, List<String> flags) {
        return run(aws, file, flags);
    }

    /**
     * One sync against a simulator of the same world (same ids, keys and role) whose IAM admits a call every 100
     * s: with a small retry budget the sync fails part-way, after other services wrote rows.
     */
    private static Result runThrottled(Path file, List<String> flags) {
        try (SimulatorExtension throttled = SimulatorExtension.of(new WorldGenerator().generate(WORLD))
                .clock(Clock.systemUTC())
                .server(b -> b.ratePerSecond("iam", 0.01))
                .start()) {
            return run(throttled, file, flags);
        }
    }

    private static Result run(SimulatorExtension simulator, Path file, List<String> flags) {
        List<String> args = syncFlags(file, flags);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Clock clock = Clock.systemUTC();
        int code = Main.run(
                new ConnectorWiring(AwsClientSettings.endpoint(simulator.endpoint(), clock), clock),
                new ProcessContext(Map.of(), dir),
                new PrintWriter(out),
                new PrintWriter(err),
                args.toArray(String[]::new));
        return new Result(code, err.toString());
    }

    /** The sync's flags; the log level is warn unless {@code flags} name one. */
    private static List<String> syncFlags(Path file, List<String> flags) {
        ConnectionFacts facts = aws.facts();
        List<String> args = new ArrayList<>(SimulatorCliSync.connectionFlags(facts));
        args.addAll(List.of("--global-aws-cross-account-iam-enabled", "--sync-secrets", "-f", file.toString()));
        if (!flags.contains("--log-level")) {
            args.addAll(List.of("--log-level", "warn"));
        }
        args.addAll(flags);
        return args;
    }

    /** The production CLI in a JVM of its own (so it can be killed), pointed at the simulator by environment. */
    private static Process child(Path file, List<String> flags) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + dir,
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                Main.class.getName()));
        List<String> logged = new ArrayList<>(flags);
        logged.addAll(List.of("--log-level", "info"));
        command.addAll(syncFlags(file, logged));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(errFile(file).toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BATON_") || name.startsWith("AWS_"));
        builder.environment().put("AWS_ENDPOINT_URL", aws.endpoint().toString());
        return builder.start();
    }

    private static Path errFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".err");
    }

    private static String childErr(Path file) throws IOException {
        return Files.readString(errFile(file), UTF_8);
    }

    private static long calls() {
        CallStats.Snapshot snapshot = aws.stats();
        return snapshot.calls().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The checkpoint directories beside {@code file}. */
    private static List<String> checkpoints(Path file) throws IOException {
        try (Stream<Path> files = Files.list(file.toAbsolutePath().getParent())) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("." + file.getFileName() + ".") && name.endsWith(".resume"))
                    .toList();
        }
    }
}
