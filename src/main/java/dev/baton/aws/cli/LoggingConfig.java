package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

/** How the CLI logs: level and line format; always to stderr. */
record LoggingConfig(Level level, Format format) {
    LoggingConfig {
        requireNonNull(level, "level is null");
        requireNonNull(format, "format is null");
    }

    enum Level { DEBUG, INFO, WARN, ERROR }

    enum Format { CONSOLE, JSON }
}
