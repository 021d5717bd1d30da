package dev.baton.aws.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An optional second opinion on a c1z file: an independent python checker, run only when the system property
 * {@code c1z.check} names its script (for example {@code mvn test -Dc1z.check=PATH}) and python3 and zstd are on
 * the PATH. Without the property nothing runs; the build never needs the checker, and the in-repo
 * {@code C1zValidator} is what tests rely on.
 */
public final class C1zCheckTool {
    /** The property that names the checker script; unset or blank, the checker is not run. */
    public static final String PROPERTY = "c1z.check";

    public record Outcome(int exitCode, String output) {}

    private C1zCheckTool() {}

    /**
     * The checker's verdict on {@code c1zFile}, or empty when {@code c1z.check} is not set. A property that names
     * no file, or a machine without python3 or zstd, fails: whoever set the property asked for the check.
     */
    public static Optional<Outcome> runIfConfigured(Path c1zFile, long timeoutSeconds)
            throws IOException, InterruptedException {
        String configured = System.getProperty(PROPERTY, "");
        if (configured.isBlank()) {
            return Optional.empty();
        }
        Path location = Path.of(configured);
        if (!Files.isRegularFile(location)) {
            throw new IllegalStateException("-D" + PROPERTY + "=" + configured + " names no file");
        }
        if (!runs("python3", "--version") || !runs("zstd", "--version")) {
            throw new IllegalStateException("-D" + PROPERTY + " needs python3 and zstd on the PATH");
        }
        Process process = new ProcessBuilder("python3", location.toString(), "--quiet", c1zFile.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(location + " did not finish within " + timeoutSeconds + " s");
        }
        return Optional.of(new Outcome(process.exitValue(), output));
    }

    private static boolean runs(String... command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
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
