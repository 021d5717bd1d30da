package dev.baton.aws.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Log level, format and files, read before any command runs so that everything after start-up logs the same way.
 * They are inherited by every subcommand, so {@code grant … --log-level debug} sets the root's value.
 */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class LoggingOptions {
    @Option(
            names = "--log-level",
            scope = ScopeType.INHERIT,
            paramLabel = "LEVEL",
            defaultValue = "info",
            showDefaultValue = Visibility.ALWAYS,
            description = "Log level: debug, info, warn, error")
    private String level = "info";

    @Option(
            names = "--log-format",
            scope = ScopeType.INHERIT,
            paramLabel = "FORMAT",
            description = "Log format: console (for people) or json (one object per line, zap's keys ts, level,"
                    + " logger, caller, msg); default: console when stderr is a terminal, else json")
    private String format = "";

    @Option(
            names = "--log-path",
            scope = ScopeType.INHERIT,
            paramLabel = "FILE",
            split = ",",
            description = "Also append logs to these files (comma-separated), in the same format")
    private List<String> paths = new ArrayList<>();

    LoggingConfig toConfig(ProcessContext context) {
        LoggingConfig.Format chosen = format.isBlank()
                ? (context.stderrTerminal() ? LoggingConfig.Format.CONSOLE : LoggingConfig.Format.JSON)
                : parse(LoggingConfig.Format.class, "--log-format", format);
        return new LoggingConfig(
                parse(LoggingConfig.Level.class, "--log-level", level),
                chosen,
                logPaths(context.workingDirectory()),
                context.stderrTerminal() && chosen == LoggingConfig.Format.CONSOLE);
    }

    private List<Path> logPaths(Path workingDirectory) {
        List<Path> files = new ArrayList<>();
        for (String raw : paths) {
            if (raw.isBlank()) {
                continue;
            }
            Path file = workingDirectory.resolve(raw.trim());
            Path parent = file.toAbsolutePath().getParent();
            if (Files.isDirectory(file) || parent == null || !Files.isDirectory(parent)) {
                throw ConfigException.invalid(
                        "--log-path", "'" + raw.trim() + "' is not a file in an existing" + " directory");
            }
            if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
                throw ConfigException.invalid("--log-path", "'" + raw.trim() + "' is not writable");
            }
            files.add(file);
        }
        return files;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String flag, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.trim())) {
                return constant;
            }
        }
        StringBuilder valid = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw ConfigException.invalid(flag, "'" + value + "' is not one of " + valid);
    }
}
