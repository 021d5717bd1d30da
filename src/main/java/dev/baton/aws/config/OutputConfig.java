package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a run writes and how hard it works.
 *
 * @param file          {@code -f/--file}: the c1z written by a sync and read by one-shot provisioning
 * @param skipFullSync  {@code --skip-full-sync}: record an empty full sync without calling AWS
 * @param workers       {@code --workers}: parallel sync workers (at least 1)
 * @param keepSyncCount {@code --keep-sync-count}: full syncs an existing file keeps, the new one included
 * @param replace       {@code --replace}: write a new file holding only the new sync, whatever the file holds now
 * @param tempDir       {@code --c1z-temp-dir}: where the c1z's working database lives while a sync runs
 * @param fresh         {@code --fresh}: discard the unfinished sync of {@code file} instead of continuing it
 * @param checkpointDir where the unfinished sync of {@code file} is kept between runs: {@code --c1z-temp-dir} when
 *                      given, else the directory of {@code file}
 * @param checkpointInterval {@code --checkpoint-interval}: how often a sync commits its progress
 */
public record OutputConfig(
        Path file,
        boolean skipFullSync,
        int workers,
        int keepSyncCount,
        boolean replace,
        Path tempDir,
        boolean fresh,
        Path checkpointDir,
        Duration checkpointInterval) {
    /** How often a sync commits its progress unless told otherwise. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);
    /** The number of full syncs a file keeps unless told otherwise, as in SDK connectors. */
    public static final int DEFAULT_KEEP_SYNC_COUNT = 2;
    /** {@code --workers}' default: enough calls in flight to keep every AWS rate limit busy. */
    public static final int DEFAULT_WORKERS = 8;

    public OutputConfig {
        requireNonNull(file, "file is null");
        requireNonNull(tempDir, "tempDir is null");
        requireNonNull(checkpointDir, "checkpointDir is null");
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, was " + workers);
        }
        if (keepSyncCount < 1) {
            throw new IllegalArgumentException("keepSyncCount must be at least 1, was " + keepSyncCount);
        }
    }

    /** Keeps the default number of syncs in an existing file; working files in the system temp directory. */
    public OutputConfig(Path file, boolean skipFullSync, int workers) {
        this(
                file,
                skipFullSync,
                workers,
                DEFAULT_KEEP_SYNC_COUNT,
                false,
                Path.of(System.getProperty("java.io.tmpdir")),
                false,
                file.toAbsolutePath().getParent(),
                DEFAULT_CHECKPOINT_INTERVAL);
    }
}
