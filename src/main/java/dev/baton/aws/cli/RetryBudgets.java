package dev.baton.aws.cli;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code --retry-budget} and decides whether the user set the SDK's number of attempts explicitly. */
final class RetryBudgets {
    static final String MAX_ATTEMPTS = "AWS_MAX_ATTEMPTS";
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    private RetryBudgets() {}

    /** {@code 0}, or hours, minutes and seconds in that order ({@code 90s}, {@code 10m}, {@code 1h}, {@code 1m30s}). */
    static Duration parse(String text) {
        return parse("--retry-budget", text, "e.g. 90s, 10m, 1h or 1m30s (0 = only the SDK's own attempts)");
    }

    /** As {@link #parse(String)} for any duration flag; a bad value is exit 2 naming {@code flag} and {@code hint}. */
    static Duration parse(String flag, String text, String hint) {
        String value = text == null ? "" : text.trim();
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher matcher = DURATION.matcher(value);
        if (value.isEmpty() || value.length() > 12 || !matcher.matches()) {
            throw ConfigException.invalid(flag, "'" + value + "' is not a duration; use " + hint);
        }
        return Duration.ofHours(number(matcher.group(1)))
                .plusMinutes(number(matcher.group(2)))
                .plusSeconds(number(matcher.group(3)));
    }

    /**
     * True when {@code aws.maxAttempts} (system property) or {@code AWS_MAX_ATTEMPTS} is set, as the SDK reads
     * them; a value the SDK could not use is refused here, with the variable named, instead of failing later.
     */
    static boolean explicitMaxAttempts(Map<String, String> environment, String systemProperty) {
        String name = systemProperty != null ? "aws.maxAttempts" : MAX_ATTEMPTS;
        String value = systemProperty != null ? systemProperty : environment.get(MAX_ATTEMPTS);
        if (value == null) {
            return false;
        }
        try {
            if (Integer.parseInt(value.trim()) >= 1) {
                return true;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(name + ": '" + value + "' is not a number of attempts; use a whole number of 1 "
                + "or more (1 = no retries), or leave it unset");
    }

    private static long number(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }
}
