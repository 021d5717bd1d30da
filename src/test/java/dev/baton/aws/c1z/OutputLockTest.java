package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLockTest {
    @TempDir
    Path dir;

    @Test
    void oneHolderAtATimeAndTheSecondLearnsWhoHoldsIt() throws Exception {
        Path target = dir.resolve("sync.c1z");
        try (OutputLock held = OutputLock.acquire(target)) {
            assertEquals(ProcessHandle.current().pid(), held.record().pid());
            OutputLockedException refused = assertThrows(OutputLockedException.class, () -> OutputLock.acquire(target));
            assertEquals(Optional.of(held.record()), refused.holder());
            assertTrue(refused.getMessage().contains(held.record().describe()), refused.getMessage());
            assertTrue(refused.getMessage().contains(OutputLock.lockFile(target).toString()));
        }
        assertFalse(Files.exists(OutputLock.lockFile(target)));
        try (OutputLock again = OutputLock.acquire(target)) {
            assertTrue(Files.exists(again.file()));
        }
    }

    @Test
    void aLockFileLeftByADeadProcessIsTakenOver() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path target = dir.resolve("sync.c1z");
        LockRecord stale = new LockRecord(gone.pid(), Instant.parse("2026-01-01T00:00:00Z"), HostName.local());
        Files.write(OutputLock.lockFile(target), stale.bytes());
        try (OutputLock taken = OutputLock.acquire(target)) {
            assertEquals(ProcessHandle.current().pid(), taken.record().pid());
            assertEquals(Optional.of(taken.record()), LockRecord.parse(Files.readAllBytes(taken.file())));
        }
    }

    @Test
    void recordsRoundTripAndPartialOnesAreIgnored() {
        LockRecord record = new LockRecord(42, Instant.parse("2026-12-05T13:10:00Z"), "build-host");
        assertEquals(Optional.of(record), LockRecord.parse(record.bytes()));
        assertEquals(Optional.empty(), LockRecord.parse("pid=42\nstar".getBytes()));
        assertEquals("pid 42 on host build-host, started 2026-12-05T13:10:00Z", record.describe());
    }
}
