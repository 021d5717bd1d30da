package dev.baton.aws.c1z;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * Limits and collaborators of a {@link C1zWriter}.
 *
 * @param tempDir where the working SQLite database lives until {@link C1zWriter#finish()}
 * @param batchSize rows per JDBC batch; reads flush the pending batch first
 * @param clock source of {@code started_at}, {@code ended_at}, {@code discovered_at} and the KSUID time
 * @param zstdLevel 1-19; above 19 zstd may pick windows the SDK's 128 MiB decoder cap rejects
 */
public record C1zWriterOptions(Path tempDir, int batchSize, Clock clock, int zstdLevel) {
    public C1zWriterOptions {
        Objects.requireNonNull(tempDir, "tempDir is null");
        Objects.requireNonNull(clock, "clock is null");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        if (zstdLevel < 1 || zstdLevel > 19) {
            throw new IllegalArgumentException("zstdLevel must be 1-19, got " + zstdLevel);
        }
    }

    /** The system temp dir, batches of 5000 rows, the system clock in the local zone, zstd level 3. */
    public static C1zWriterOptions defaults() {
        return new C1zWriterOptions(Path.of(System.getProperty("java.io.tmpdir")), 5000, Clock.systemDefaultZone(), 3);
    }

    public C1zWriterOptions withTempDir(Path dir) {
        return new C1zWriterOptions(dir, batchSize, clock, zstdLevel);
    }

    public C1zWriterOptions withBatchSize(int size) {
        return new C1zWriterOptions(tempDir, size, clock, zstdLevel);
    }

    public C1zWriterOptions withClock(Clock newClock) {
        return new C1zWriterOptions(tempDir, batchSize, newClock, zstdLevel);
    }
}
