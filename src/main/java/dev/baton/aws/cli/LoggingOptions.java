package dev.baton.aws.cli;

import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** Log level and format, read before any command runs so that everything after start-up logs the same way. */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class LoggingOptions {
    @Option(names = "--log-level", paramLabel = "LEVEL", defaultValue = "info", showDefaultValue = Visibility.ALWAYS,
            description = "Log level: debug, info, warn, error")
    private String level = "info";

    @Option(names = "--log-format", paramLabel = "FORMAT", defaultValue = "console",
            showDefaultValue = Visibility.ALWAYS,
            description = "Log format: console (for people) or json (one object per line)")
    private String format = "console";

    LoggingConfig toConfig() {
        return new LoggingConfig(parse(LoggingConfig.Level.class, "--log-level", level),
                parse(LoggingConfig.Format.class, "--log-format", format));
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
