package dev.baton.aws.cli;

import dev.baton.aws.config.OutputConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** The c1z file and how the sync into it runs. */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class OutputOptions {
    private static final int MAX_WORKERS = 64;
    private static final int MAX_KEEP = 1000;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH", defaultValue = "sync.c1z",
            showDefaultValue = Visibility.ALWAYS,
            description = "The c1z file a sync writes and one-shot provisioning reads")
    private String file = "sync.c1z";

    @Option(names = "--skip-full-sync", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Record an empty full sync without calling AWS")
    private boolean skipFullSync;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "8", showDefaultValue = Visibility.ALWAYS,
            description = "Parallel sync workers (1-64)")
    private int workers = 8;

    @Option(names = "--keep-sync-count", paramLabel = "N", defaultValue = "2", showDefaultValue = Visibility.ALWAYS,
            description = "Full syncs the file keeps, the new one included; older ones are deleted (1-"
                    + MAX_KEEP + ")")
    private int keepSyncCount = OutputConfig.DEFAULT_KEEP_SYNC_COUNT;

    @Option(names = "--replace", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Start a new file with only this sync instead of adding it to the syncs in --file")
    private boolean replace;

    /** Relative paths are resolved against the working directory the process was started in. */
    OutputConfig toConfig(Path workingDirectory) {
        if (workers < 1 || workers > MAX_WORKERS) {
            throw ConfigException.invalid("--workers", workers + " is out of range; use 1-" + MAX_WORKERS);
        }
        if (keepSyncCount < 1 || keepSyncCount > MAX_KEEP) {
            throw ConfigException.invalid("--keep-sync-count", keepSyncCount + " is out of range; use 1-" + MAX_KEEP);
        }
        if (file.isBlank()) {
            throw ConfigException.invalid("--file", "must name a file, e.g. sync.c1z");
        }
        Path path = workingDirectory.resolve(file);
        if (Files.isDirectory(path)) {
            throw ConfigException.invalid("--file", "'" + file + "' is a directory; name a file such as sync.c1z");
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw ConfigException.invalid("--file", "directory '" + parent + "' does not exist");
        }
        return new OutputConfig(path, skipFullSync, workers, keepSyncCount, replace);
    }
}
