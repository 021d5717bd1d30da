package dev.baton.aws.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the shared structural checker {@code c1z-check} on a file. Found via the system property {@code c1z.check},
 * else {@code ../shared/tools/c1z-check} next to the project, else {@code /work/shared/tools/c1z-check}. Tests
 * are skipped (not failed) only when python3 or zstd, which the checker needs, are missing.
 */
public final class C1zCheckTool {
    public record Outcome(int exitCode, String output) {}

    private C1zCheckTool() {}

    public static Outcome check(Path c1zFile) throws IOException, InterruptedException {
        return check(c1zFile, 60);
    }

    /** As {@link #check(Path)} with a longer limit, for benchmark-sized files. */
    public static Outcome check(Path c1zFile, long timeoutSeconds) throws IOException, InterruptedException {
        assumeTrue(runs("python3", "--version"), "python3 is not installed");
        assumeTrue(runs("zstd", "--version"), "zstd is not installed");
        Process process = new ProcessBuilder("python3", locate().toString(), c1zFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("c1z-check did not finish within " + timeoutSeconds + " s");
        }
        return new Outcome(process.exitValue(), output);
    }

    private static Path locate() {
        String property = System.getProperty("c1z.check");
        List<Path> candidates = property != null && !property.isBlank()
                ? List.of(Path.of(property))
                : List.of(Path.of("..", "shared", "tools", "c1z-check").toAbsolutePath().normalize(),
                        Path.of("/work/shared/tools/c1z-check"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().orElseThrow(() ->
                new IllegalStateException("c1z-check not found at " + candidates + "; set -Dc1z.check=<path>"));
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(20, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
