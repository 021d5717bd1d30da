package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.FinalWriteHook;
import dev.baton.aws.c1z.OutputLock;
import dev.baton.aws.testing.C1zAssertions;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a run treats its output file: one writer per path, the previous file untouched until an atomic rename of a
 * checked new file, a failing final write reported with the previous file intact, and a bad {@code -f} refused
 * before anything else happens. Runs are in-process with {@code --skip-full-sync}, which writes a real (empty)
 * finished sync without calling AWS.
 */
class OutputSafetyTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final long PID = ProcessHandle.current().pid();

    @TempDir
    Path dir;

    @Test
    void aSecondSyncToALockedPathExitsTwoNamingTheHolder() throws Exception {
        Path file = dir.resolve("sync.c1z");
        try (OutputLock held = OutputLock.acquire(file)) {
            Result second = run(plain(), "--skip-full-sync", "-f", "sync.c1z");
            assertEquals(2, second.code, second.err);
            assertEquals(1, second.err.lines().count(), second.err);
            assertTrue(second.err.startsWith("baton-aws: --file (BATON_FILE): " + file), second.err);
            assertTrue(
                    second.err.contains("pid " + PID)
                            && second.err.contains("started " + held.record().startedAt()),
                    second.err);
        }
        assertFalse(Files.exists(file), "the refused run wrote nothing");
        Result later = run(plain(), "--skip-full-sync", "-f", "sync.c1z");
        assertEquals(0, later.code, later.err);
        assertEquals(List.of("sync.c1z"), names(), "the lock file is gone with its holder");
    }

    /**
     * One writer pauses inside its final write while a second one starts, 100 times: the second always exits 2
     * naming the first, the file is always valid and is either the previous one (while paused, and when the
     * final write fails) or the complete new one.
     */
    @Test
    void twoWritersOneOfThemPausedDuringItsFinalWrite() throws Exception {
        Path file = dir.resolve("sync.c1z");
        assertEquals(0, run(plain(), "--skip-full-sync", "-f", "sync.c1z").code);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            for (int trial = 0; trial < 100; trial++) {
                byte[] previous = Files.readAllBytes(file);
                String previousSync = syncId(file);
                boolean diskFails = trial % 4 == 3;
                PausingWrite hook = new PausingWrite(diskFails);
                Wiring paused = new ConnectorWiring(
                        AwsClientSettings.production(CLOCK),
                        CLOCK,
                        OutputGuard.withHook(ActiveOutputs.withoutSignals(), hook));
                Future<Result> first = executor.submit(() -> run(paused, "--skip-full-sync", "-f", "sync.c1z"));
                assertTrue(hook.paused.await(30, TimeUnit.SECONDS), "trial " + trial + ": never reached the write");

                Result second = run(plain(), "--skip-full-sync", "-f", "sync.c1z");
                assertEquals(2, second.code, "trial " + trial + ": " + second.err);
                assertTrue(second.err.contains("another baton-aws run is writing this file (pid " + PID), second.err);
                assertArrayEquals(previous, Files.readAllBytes(file), "trial " + trial + ": touched before commit");

                hook.resume.countDown();
                Result winner = first.get(30, TimeUnit.SECONDS);
                if (diskFails) {
                    assertEquals(1, winner.code, winner.err);
                    assertTrue(
                            winner.err.contains(file + ": could not be written; the previous file is intact"),
                            winner.err);
                    assertArrayEquals(previous, Files.readAllBytes(file));
                } else {
                    assertEquals(0, winner.code, winner.err);
                    assertFalse(previousSync.equals(syncId(file)), "trial " + trial + ": not the new sync");
                }
                assertEquals(List.of("sync.c1z"), names(), "trial " + trial + ": leftovers");
            }
        } finally {
            executor.shutdownNow();
        }
        C1zAssertions.assertValidC1z(file);
    }

    @Test
    void aFullDiskDuringTheFinalWriteIsOneClearErrorAndKeepsThePreviousFile() throws Exception {
        assertEquals(0, run(plain(), "--skip-full-sync", "-f", "sync.c1z").code);
        Path file = dir.resolve("sync.c1z");
        byte[] previous = Files.readAllBytes(file);
        FinalWriteHook fullDisk = (target, out) -> new FilterOutputStream(out) {
            private long written;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                written += length;
                if (written > 100) {
                    throw new IOException("No space left on device");
                }
                out.write(bytes, offset, length);
            }
        };
        Wiring wiring = new ConnectorWiring(
                AwsClientSettings.production(CLOCK),
                CLOCK,
                OutputGuard.withHook(ActiveOutputs.withoutSignals(), fullDisk));
        Result result = run(wiring, "--skip-full-sync", "-f", "sync.c1z");
        assertEquals(1, result.code, result.err);
        assertEquals(
                "baton-aws: " + file + ": could not be written; the previous file is intact"
                        + " (No space left on device)",
                result.err.strip());
        assertArrayEquals(previous, Files.readAllBytes(file));
        assertEquals(List.of("sync.c1z"), names());
    }

    @Test
    void aBadOutputPathIsRefusedBeforeAnythingRuns() throws Exception {
        Files.createDirectory(dir.resolve("folder"));
        for (List<String> args : List.of(
                List.of("--skip-full-sync", "-f", "missing/x.c1z"),
                List.of("--skip-full-sync", "-f", "folder"),
                List.of("--skip-full-sync", "-f", "/proc/x.c1z"),
                List.of("demo", "-f", "missing/x.c1z"),
                List.of("demo", "-f", "folder"),
                List.of("demo", "-f", "/proc/x.c1z"))) {
            Result result = run(plain(), args.toArray(String[]::new));
            assertEquals(2, result.code, args + ": " + result.err);
            assertEquals(1, result.err.lines().count(), args + ": " + result.err);
            assertTrue(result.err.startsWith("baton-aws: --file (BATON_FILE): "), result.err);
            assertFalse(result.err.contains("simulated AWS"), "demo did not start the simulator: " + result.err);
        }
    }

    /** Beneath the compressor: signals at the first write, waits to be resumed, then writes or fails. */
    private static final class PausingWrite implements FinalWriteHook {
        final CountDownLatch paused = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        private final boolean fail;

        PausingWrite(boolean fail) {
            this.fail = fail;
        }

        @Override
        public OutputStream wrap(Path target, OutputStream out) {
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    paused.countDown();
                    try {
                        if (!resume.await(30, TimeUnit.SECONDS)) {
                            throw new IOException("test: never resumed");
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("test: interrupted", e);
                    }
                    if (fail) {
                        throw new IOException("No space left on device");
                    }
                    out.write(bytes, offset, length);
                }
            };
        }
    }

    private static String syncId(Path file) throws Exception {
        try (C1zReader reader = C1zReader.open(file)) {
            assertTrue(reader.currentSync().orElseThrow().finished());
            return reader.currentSync().orElseThrow().syncId();
        }
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("folder"))
                    .sorted()
                    .toList();
        }
    }

    private static Wiring plain() {
        return new ConnectorWiring(AwsClientSettings.production(CLOCK), CLOCK);
    }

    private Result run(Wiring wiring, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code =
                Main.run(wiring, new ProcessContext(Map.of(), dir), new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}
}
