package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.OutputLock;
import dev.baton.aws.c1z.OutputSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signals need a process of their own: a child JVM runs a sync that pauses inside its final write, the test
 * signals it, and checks the exit code, the one line on stderr, the file and what is left on disk.
 */
class StopSignalsTest {
    private static final String PAUSED = "paused in the final write";

    @TempDir
    Path dir;

    /** The child: a sync into {@code args[0]} whose final write pauses forever once it starts. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        Clock clock = Clock.systemUTC();
        OutputGuard guard = OutputGuard.withHook(ActiveOutputs.withSignals(err), (target, stream) -> {
            System.out.println(PAUSED);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        System.exit(Main.run(
                new ConnectorWiring(AwsClientSettings.production(clock), clock, guard),
                ProcessContext.fromSystem(),
                out,
                err,
                "--skip-full-sync",
                "-f",
                args[0]));
    }

    @Test
    void sigtermKeepsThePreviousFileAndRemovesTheRunsFiles() throws Exception {
        Path file = dir.resolve("sync.c1z");
        StringWriter ignored = new StringWriter();
        assertEquals(
                0,
                Main.run(
                        new ConnectorWiring(AwsClientSettings.production(Clock.systemUTC()), Clock.systemUTC()),
                        new ProcessContext(Map.of(), dir),
                        new PrintWriter(ignored),
                        new PrintWriter(ignored),
                        "--skip-full-sync",
                        "-f",
                        "sync.c1z"),
                ignored.toString());
        byte[] previous = Files.readAllBytes(file);

        Process child = startPaused();
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(143, child.exitValue());
        assertEquals(
                "baton-aws: stopped by SIGTERM; " + file + " was not changed (previous file intact)", stderr(child));
        assertArrayEquals(previous, Files.readAllBytes(file));
        assertEquals(List.of("sync.c1z"), names(dir));
        assertEquals(List.of(), workDirectories(), "the working database is removed");
    }

    @Test
    void sigintBeforeAnyFileExistedLeavesNothing() throws Exception {
        Process child = startPaused();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
        assertEquals(0, kill.waitFor());
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertEquals(130, child.exitValue());
        assertEquals("baton-aws: stopped by SIGINT; " + dir.resolve("sync.c1z") + " was not written", stderr(child));
        assertEquals(List.of(), names(dir));
        assertEquals(List.of(), workDirectories());
    }

    /** SIGKILL leaves files behind; the next run on the path removes them and takes the lock over. */
    @Test
    void theNextRunRemovesWhatAKilledRunLeft() throws Exception {
        Process child = startPaused();
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        Path file = dir.resolve("sync.c1z");
        List<String> left = names(dir);
        assertTrue(
                left.contains("sync.c1z.lock")
                        && left.stream()
                                .anyMatch(name ->
                                        name.startsWith("sync.c1z." + child.pid() + "-") && name.endsWith(".tmp")),
                left.toString());
        assertEquals(1, workDirectories().size(), "the killed run's working directory");

        try (OutputSession next = OutputSession.open(file, dir.resolve("tmp"))) {
            assertEquals(ProcessHandle.current().pid(), next.holder().pid());
            assertEquals(List.of("sync.c1z.lock"), names(dir));
            assertEquals(List.of(), workDirectories());
        }
        assertEquals(List.of(), names(dir));
        assertTrue(!Files.exists(OutputLock.lockFile(file)));
    }

    private Process startPaused() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-XX:TieredStopAtLevel=1",
                        "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                        "-cp",
                        classPath,
                        StopSignalsTest.class.getName(),
                        "sync.c1z")
                .directory(dir.toFile())
                .redirectError(
                        dir.resolve("tmp").resolveSibling("child-err.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BATON_"));
        Process child = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), UTF_8));
        for (String line = out.readLine(); !PAUSED.equals(line); line = out.readLine()) {
            if (line == null) {
                throw new AssertionError("the child ended before its final write: " + stderr(child));
            }
        }
        return child;
    }

    private String stderr(Process child) throws IOException {
        return Files.readString(dir.resolve("child-err.txt"), UTF_8)
                .lines()
                .filter(line -> !line.isBlank())
                .reduce((a, b) -> a + "\n" + b)
                .orElse("");
    }

    /** The c1z working directories in the child's temp directory (the SQLite driver also unpacks itself there). */
    private List<String> workDirectories() throws IOException {
        return names(dir.resolve("tmp")).stream()
                .filter(name -> name.startsWith("c1z-"))
                .toList();
    }

    private static List<String> names(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("tmp") && !name.equals("child-err.txt"))
                    .sorted()
                    .toList();
        }
    }
}
