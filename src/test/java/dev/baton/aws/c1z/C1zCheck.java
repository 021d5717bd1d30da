package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs the shared validator {@code c1z-check} (python3 + zstd) on a file. */
final class C1zCheck {
    /** The exit code and combined output of one run. */
    record Result(int exitCode, String output) {}

    private C1zCheck() {}

    /** Skips the calling test, with the reason, when the tool or what it needs is missing. */
    static Path assumeAvailable() {
        Path tool = ReferenceFiles.checkTool().orElse(null);
        Assumptions.assumeTrue(tool != null, "c1z-check not found: set -Dc1z.check=/path/to/c1z-check");
        Assumptions.assumeTrue(commandWorks("python3", "--version"), "python3 is not installed; c1z-check needs it");
        Assumptions.assumeTrue(commandWorks("zstd", "--version"), "zstd is not installed; c1z-check needs it");
        return tool;
    }

    static Result run(Path tool, Path c1z, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("python3", tool.toString(), "--quiet", c1z.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("c1z-check did not finish within " + timeoutSeconds + " s");
        }
        return new Result(process.exitValue(), output);
    }

    private static boolean commandWorks(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
