package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process was started with besides its arguments. Injected so tests can set environment variables, a
 * working directory and whether stderr is a terminal without touching the real process.
 *
 * @param stderrTerminal whether stderr is an interactive terminal: console logs and a live progress display there,
 *                       JSON logs and progress events otherwise (as the baton SDK chooses its log format)
 */
public record ProcessContext(Map<String, String> environment, Path workingDirectory, boolean stderrTerminal) {
    public ProcessContext {
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
    }

    /** Not a terminal: what tests, pipes and containers see. */
    public ProcessContext(Map<String, String> environment, Path workingDirectory) {
        this(environment, workingDirectory, false);
    }

    public static ProcessContext fromSystem() {
        return new ProcessContext(System.getenv(), Path.of("").toAbsolutePath(), stderrIsTerminal());
    }

    /**
     * Java cannot ask isatty(2) directly; on Linux the descriptor's link names the device. Elsewhere a console
     * (stdin and stdout both terminals) is the best available hint.
     */
    private static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd)) {
                String target = Files.readSymbolicLink(fd).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | SecurityException e) {
            // fall through to the console check
        }
        return System.console() != null;
    }
}
