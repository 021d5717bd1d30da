package dev.baton.aws.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The AWS SDK's own environment variables that the connector's clients read, checked before any client is built:
 * the SDK would fail later with a bare {@code For input string: "abc"}.
 */
final class AwsEnvironment {
    static final String MAX_ATTEMPTS = "AWS_MAX_ATTEMPTS";
    static final String RETRY_MODE = "AWS_RETRY_MODE";
    static final List<String> RETRY_MODES = List.of("legacy", "standard", "adaptive");

    private AwsEnvironment() {}

    static void check(Map<String, String> environment) {
        String attempts = environment.getOrDefault(MAX_ATTEMPTS, "").trim();
        if (!attempts.isEmpty() && !attempts.matches("[1-9]\\d{0,3}")) {
            throw new ConfigException(MAX_ATTEMPTS + ": '" + attempts + "' is not a number of attempts; use a whole"
                    + " number from 1 to 9999 (1 = no retries)");
        }
        String mode = environment.getOrDefault(RETRY_MODE, "").trim();
        if (!mode.isEmpty() && !RETRY_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
            throw new ConfigException(RETRY_MODE + ": '" + mode + "' is not one of " + String.join(", ", RETRY_MODES));
        }
    }
}
