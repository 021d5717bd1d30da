package dev.baton.aws.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.c1z.C1zValidator;
import dev.baton.aws.c1z.ValidationReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asserts that a written c1z is valid: by the in-repo validator always, and also by the python checker when the
 * {@code c1z.check} system property names it ({@link C1zCheckTool}).
 */
public final class C1zAssertions {
    private C1zAssertions() {}

    /** @return the validator's report, so callers can assert on its summary */
    public static ValidationReport assertValidC1z(Path file) throws Exception {
        return assertValidC1z(file, 60);
    }

    public static ValidationReport assertValidC1z(Path file, long timeoutSeconds) throws Exception {
        ValidationReport report =
                C1zValidator.validate(file, file.toAbsolutePath().getParent());
        assertTrue(report.valid(), String.join("\n", report.lines()));
        Optional<C1zCheckTool.Outcome> python = C1zCheckTool.runIfConfigured(file, timeoutSeconds);
        if (python.isPresent()) {
            assertEquals(0, python.get().exitCode(), python.get().output());
        }
        return report;
    }
}
