package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * How clients are built beyond the run's configuration.
 *
 * @param endpointOverride null in production (the SDK then honours {@code AWS_ENDPOINT_URL*}); tests and the demo
 *                         point every client at the simulator with it instead of a JVM-global system property
 * @param clock            judges credential refresh; tests inject one to run past a credential lifetime
 * @param retry            how long one call may keep retrying throttling and transient failures
 * @param readTimeout      how long the HTTP client waits for the next bytes of a reply before the attempt fails (and
 *                         is retried); tests shorten it to run a stalled reply past it in milliseconds
 */
public record AwsClientSettings(URI endpointOverride, Clock clock, RetryBudget retry, Duration readTimeout) {
    /** The SDK's own default for its HTTP clients, stated here so that it can be changed in one place. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    public AwsClientSettings {
        requireNonNull(clock, "clock is null");
        requireNonNull(retry, "retry is null");
        requireNonNull(readTimeout, "readTimeout is null");
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be positive: " + readTimeout);
        }
    }

    public AwsClientSettings(URI endpointOverride, Clock clock) {
        this(endpointOverride, clock, RetryBudget.defaults(), DEFAULT_READ_TIMEOUT);
    }

    public static AwsClientSettings production(Clock clock) {
        return new AwsClientSettings(null, clock);
    }

    public static AwsClientSettings endpoint(URI endpoint, Clock clock) {
        return new AwsClientSettings(requireNonNull(endpoint, "endpoint is null"), clock);
    }

    public AwsClientSettings withRetry(RetryBudget budget) {
        return new AwsClientSettings(endpointOverride, clock, budget, readTimeout);
    }

    public AwsClientSettings withReadTimeout(Duration timeout) {
        return new AwsClientSettings(endpointOverride, clock, retry, timeout);
    }
}
