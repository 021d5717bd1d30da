package dev.baton.aws.cli;

import dev.baton.aws.config.OutputConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The c1z file and how the sync into it runs. */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class OutputOptions {
    private static final int MAX_WORKERS = 64;
    private static final int MAX_KEEP = 1000;
    /** What {@code --workers -1} (the SDK's "auto") picks: the default, which keeps every AWS rate limit busy. */
    static final int AUTO_WORKERS = OutputConfig.DEFAULT_WORKERS;

    @Mixin
    private SyncFileOption file;

    @Option(
            names = "--skip-full-sync",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Record an empty full sync without calling AWS")
    private boolean skipFullSync;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "8",
            showDefaultValue = Visibility.ALWAYS,
            description = "Parallel sync workers: 1-64, 0 one at a time, -1 automatic (8), as in the baton SDK")
    private int workers = OutputConfig.DEFAULT_WORKERS;

    @Option(
            names = "--keep-sync-count",
            paramLabel = "N",
            defaultValue = "2",
            showDefaultValue = Visibility.ALWAYS,
            description =
                    "Full syncs the file keeps, the new one included; older ones are deleted (1-" + MAX_KEEP + ")")
    private int keepSyncCount = OutputConfig.DEFAULT_KEEP_SYNC_COUNT;

    @Option(
            names = "--replace",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Start a new file with only this sync instead of adding it to the syncs in --file")
    private boolean replace;

    @Option(
            names = "--c1z-temp-dir",
            paramLabel = "DIR",
            description = "Directory for the c1z's working database while a sync runs; default: the system temp"
                    + " directory")
    private String tempDir = "";

    @Option(
            names = "--fresh",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Discard the unfinished sync of --file (kept by a run that was stopped) instead of"
                    + " continuing it")
    private boolean fresh;

    @Option(
            names = "--checkpoint-interval",
            paramLabel = "DURATION",
            defaultValue = "2s",
            showDefaultValue = Visibility.ALWAYS,
            description = "How often a sync keeps its progress for a run that continues it (e.g. 5s, 1m; 0 after"
                    + " every page)")
    private String checkpointInterval = "2s";

    /** Relative paths are resolved against the working directory the process was started in. */
    OutputConfig toConfig(Path workingDirectory) {
        int threads = workerCount(workers);
        Path path = file.toPath(workingDirectory);
        Path temp = tempDirectory(workingDirectory);
        Path checkpointDir = tempDir.isBlank() ? path.toAbsolutePath().getParent() : temp;
        return new OutputConfig(
                path,
                skipFullSync,
                threads,
                keepSyncCount(),
                replace,
                temp,
                fresh,
                checkpointDir,
                checkpointInterval());
    }

    private Duration checkpointInterval() {
        return RetryBudgets.parse(
                "--checkpoint-interval", checkpointInterval, "e.g. 5s, 30s or 1m (0 = after every page)");
    }

    /** The baton SDK's values: 0 runs one listing at a time, -1 lets the connector choose, N runs N at once. */
    static int workerCount(int workers) {
        if (workers == 0) {
            return 1;
        }
        if (workers == -1) {
            return AUTO_WORKERS;
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw ConfigException.invalid(
                    "--workers",
                    workers + " is out of range; use 1-" + MAX_WORKERS + ", 0 (one at a time) or -1 (automatic)");
        }
        return workers;
    }

    private int keepSyncCount() {
        if (keepSyncCount < 1 || keepSyncCount > MAX_KEEP) {
            throw ConfigException.invalid("--keep-sync-count", keepSyncCount + " is out of range; use 1-" + MAX_KEEP);
        }
        return keepSyncCount;
    }

    private Path tempDirectory(Path workingDirectory) {
        if (tempDir.isBlank()) {
            return Path.of(System.getProperty("java.io.tmpdir"));
        }
        Path dir = workingDirectory.resolve(tempDir);
        if (!Files.isDirectory(dir)) {
            throw ConfigException.invalid("--c1z-temp-dir", "'" + tempDir + "' is not an existing directory");
        }
        if (!Files.isWritable(dir)) {
            throw ConfigException.invalid("--c1z-temp-dir", "directory '" + tempDir + "' is not writable");
        }
        return dir;
    }
}
