package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;

/**
 * How the CLI logs: level and line format, to stderr and to each {@code --log-path} file.
 *
 * @param liveProgress whether progress is a live display rewritten in place (stderr is a terminal and the format
 *                     is console) rather than one line or event per report
 */
record LoggingConfig(Level level, Format format, List<Path> logPaths, boolean liveProgress) {
    LoggingConfig {
        requireNonNull(level, "level is null");
        requireNonNull(format, "format is null");
        logPaths = List.copyOf(requireNonNull(logPaths, "logPaths is null"));
    }

    LoggingConfig(Level level, Format format) {
        this(level, format, List.of(), false);
    }

    enum Level {
        DEBUG,
        INFO,
        WARN,
        ERROR
    }

    enum Format {
        CONSOLE,
        JSON
    }
}
