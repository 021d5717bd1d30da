package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;

/**
 * How long and how often an account assignment's asynchronous status is polled. Upstream polls every second for up
 * to five minutes; tests inject a clock and sleeper so a timeout takes no real time.
 */
public record AssignmentPolling(Clock clock, Sleeper sleeper, Duration interval, Duration timeout) {
    /** Waits between polls; the production one blocks the thread. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public AssignmentPolling {
        requireNonNull(clock, "clock is null");
        requireNonNull(sleeper, "sleeper is null");
        requireNonNull(interval, "interval is null");
        requireNonNull(timeout, "timeout is null");
        if (interval.isNegative() || timeout.isNegative()) {
            throw new IllegalArgumentException("interval and timeout must not be negative");
        }
    }

    /** Every second, for at most five minutes, on the system clock. */
    public static AssignmentPolling defaults() {
        return new AssignmentPolling(
                Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()),
                Duration.ofSeconds(1),
                Duration.ofMinutes(5));
    }
}
