package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How long the gateway keeps retrying one call that AWS throttles or fails transiently, after the SDK's own attempts
 * are spent. A shared quota (the console or another tool using the same Identity Center limit) slows a sync down;
 * it does not fail it. {@link #sdkAttemptsOnly()} turns the gateway's retries off, for a user who set
 * {@code AWS_MAX_ATTEMPTS} and wants exactly that many attempts.
 *
 * @param budget       the longest time one call may spend retrying, counted from its first attempt
 * @param firstBackoff the pause before the gateway's first retry; doubled per retry up to {@code maxBackoff}
 * @param maxBackoff   the longest single pause
 */
public record RetryBudget(Duration budget, Duration firstBackoff, Duration maxBackoff) {
    public static final Duration DEFAULT_BUDGET = Duration.ofMinutes(10);

    public RetryBudget {
        requireNonNull(budget, "budget is null");
        requireNonNull(firstBackoff, "firstBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (budget.isNegative() || firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException(
                    "invalid retry budget " + budget + " / " + firstBackoff + " / " + maxBackoff);
        }
    }

    public static RetryBudget of(Duration budget) {
        return new RetryBudget(budget, Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    public static RetryBudget defaults() {
        return of(DEFAULT_BUDGET);
    }

    /** No retries beyond the SDK's own attempts. */
    public static RetryBudget sdkAttemptsOnly() {
        return of(Duration.ZERO);
    }

    public boolean enabled() {
        return !budget.isZero();
    }

    /** The pause before retry number {@code retry} (1-based), before jitter. */
    Duration backoff(int retry) {
        long millis = firstBackoff.toMillis();
        for (int i = 1; i < retry && millis < maxBackoff.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
