package dev.baton.aws.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** {@code -f/--file}: the c1z a sync writes and one-shot provisioning reads. */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class SyncFileOption {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "PATH",
            defaultValue = "sync.c1z",
            showDefaultValue = Visibility.ALWAYS,
            description = "The c1z file a sync writes and one-shot provisioning reads")
    private String file = "sync.c1z";

    /** Relative paths are resolved against the working directory the process was started in. */
    Path toPath(Path workingDirectory) {
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
        return path;
    }
}
