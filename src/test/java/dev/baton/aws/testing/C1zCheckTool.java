package dev.baton.aws.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An optional second opinion: a python {@code c1z-check} found at {@code ../shared/tools/c1z-check} relative to the
 * project directory (or at the system property {@code c1z.check}), run only when it, python3 and zstd are present. The build never needs it; the in-repo
 * {@code C1zValidator} is what tests rely on.
 */
public final class C1zCheckTool {
    public record Outcome(int exitCode, String output) {}


    private C1zCheckTool() {}

    /** The tool's verdict on {@code c1zFile}, or empty when the tool or what it needs is missing. */
    public static Optional<Outcome> runIfPresent(Path c1zFile, long timeoutSeconds)
            throws IOException, InterruptedException {
        String configured = System.getProperty("c1z.check", "");
        Path location = configured.isBlank() ? Path.of("..", "shared", "tools", "c1z-check") : Path.of(configured);
        if (!Files.isRegularFile(location) || !runs("python3", "--version") || !runs("zstd", "--version")) {
            return Optional.empty();
        }
        Process process = new ProcessBuilder("python3", location.toString(), "--quiet", c1zFile.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("c1z-check did not finish within " + timeoutSeconds + " s");
        }
        return Optional.of(new Outcome(process.exitValue(), output));
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
