package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the process was started with besides its arguments. Injected so tests can set environment variables and a
 * working directory without touching the real process.
 */
public record ProcessContext(Map<String, String> environment, Path workingDirectory) {
    public ProcessContext {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
    }

    public static ProcessContext fromSystem() {
        return new ProcessContext(System.getenv(), Path.of("").toAbsolutePath());
    }
}
