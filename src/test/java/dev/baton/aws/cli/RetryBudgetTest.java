package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.simulator.world.DemoWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --retry-budget} ({@code BATON_RETRY_BUDGET}, {@code retry-budget:} in the config file): the durations it
 * takes reach the run, an explicit {@code AWS_MAX_ATTEMPTS} leaves retrying to the SDK alone, and a real sync
 * against a simulator that keeps throttling stops with exit 1 after the budget, or after the SDK's attempts when
 * {@code AWS_MAX_ATTEMPTS} is set. Bad values are rows of {@link InvalidInputTest}.
 */
class RetryBudgetTest {
    @TempDir
    Path workingDirectory;

    private Duration budget(Map<String, String> environment, String... args) {
        CliRun run = CliRun.run(workingDirectory, environment, args);
        assertEquals(0, run.exitCode(), run.err());
        return run.config().rateLimits().retryBudget();
    }

    @ParameterizedTest(name = "--retry-budget {0}")
    @CsvSource({"90s, PT1M30S", "10m, PT10M", "1h, PT1H", "1m30s, PT1M30S", "2h5m7s, PT2H5M7S", "0, PT0S", "0s, PT0S"})
    void durationsInHoursMinutesAndSeconds(String value, Duration expected) {
        assertEquals(expected, budget(Map.of(), "--retry-budget", value));
    }

    @Test
    void tenMinutesByDefault() {
        assertEquals(Duration.ofMinutes(10), budget(Map.of()));
        assertEquals(RateLimitConfig.DEFAULT_RETRY_BUDGET, budget(Map.of()));
    }

    @Test
    void fromTheEnvironmentAndTheConfigFileAndTheFlagWins() throws Exception {
        assertEquals(Duration.ofMinutes(2), budget(Map.of("BATON_RETRY_BUDGET", "2m")));
        Files.writeString(workingDirectory.resolve(".baton.yaml"), "retry-budget: 45s\n");
        assertEquals(Duration.ofSeconds(45), budget(Map.of()));
        assertEquals(Duration.ofMinutes(2), budget(Map.of("BATON_RETRY_BUDGET", "2m")), "environment beats file");
        assertEquals(Duration.ofSeconds(30), budget(Map.of("BATON_RETRY_BUDGET", "2m"), "--retry-budget", "30s"));
    }

    @Test
    void anExplicitAwsMaxAttemptsLeavesRetriesToTheSdkForSyncsAndWrites() {
        Map<String, String> attempts = Map.of("AWS_MAX_ATTEMPTS", "3");
        assertEquals(Duration.ZERO, budget(attempts));
        assertEquals(Duration.ZERO, budget(attempts, "--retry-budget", "5m"), "the number of attempts wins");
        assertEquals(Duration.ZERO, budget(attempts, "revoke", "-p", "-g", "g"));
        assertEquals(
                Duration.ofMinutes(5),
                budget(Map.of("AWS_RETRY_MODE", "standard"), "--retry-budget", "5m"),
                "a retry mode alone does not set the number of attempts");
    }

    /** Identity Center admits one call a hundred seconds; no client-side pacing, so only retries wait. */
    @Test
    void aSyncThatStaysThrottledStopsAfterTheBudgetOrAfterTheSdksAttempts() {
        Path file = workingDirectory.resolve("throttled.c1z");
        SimulatorCliSync.Attempt budgeted = SimulatorCliSync.attempt(
                DemoWorld.create(),
                server -> server.ratePerSecond("identityCenter", 0.01),
                file,
                List.of("--retry-budget", "2s", "--rate-identity-center", "0"),
                Map.of());
        assertEquals(1, budgeted.exitCode(), budgeted.err());
        assertTrue(
                budgeted.err()
                        .lines()
                        .anyMatch(line -> line.matches("baton-aws: (sso|identitystore):\\w+.*"
                                + ": ThrottlingException: still failing after \\d+ retr(y|ies) within the retry budget of 2s"
                                + " \\(--retry-budget\\)")),
                budgeted.err());
        assertFalse(Files.exists(file));

        SimulatorCliSync.Attempt sdkOnly = SimulatorCliSync.attempt(
                DemoWorld.create(),
                server -> server.ratePerSecond("identityCenter", 0.01),
                file,
                List.of("--retry-budget", "10m", "--rate-identity-center", "0"),
                Map.of("AWS_MAX_ATTEMPTS", "2"));
        assertEquals(1, sdkOnly.exitCode(), sdkOnly.err());
        assertTrue(
                sdkOnly.err()
                        .lines()
                        .anyMatch(line ->
                                line.matches("baton-aws: (sso|identitystore):\\w+.*" + ": ThrottlingException")),
                sdkOnly.err());
        assertFalse(sdkOnly.err().contains("retry budget"), sdkOnly.err());
        assertFalse(Files.exists(file));
    }
}
