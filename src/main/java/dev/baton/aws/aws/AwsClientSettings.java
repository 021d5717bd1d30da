package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Clock;

/**
 * How clients are built beyond the run's configuration.
 *
 * @param endpointOverride null in production (the SDK then honours {@code AWS_ENDPOINT_URL*}); tests and the demo
 *                         point every client at the simulator with it instead of a JVM-global system property
 * @param clock            judges credential refresh; tests inject one to run past a credential lifetime
 * @param retry            how long one call may keep retrying throttling and transient failures
 */
public record AwsClientSettings(URI endpointOverride, Clock clock, RetryBudget retry) {
    public AwsClientSettings {
        requireNonNull(clock, "clock is null");
        requireNonNull(retry, "retry is null");
    }

    public AwsClientSettings(URI endpointOverride, Clock clock) {
        this(endpointOverride, clock, RetryBudget.defaults());
    }

    public static AwsClientSettings production(Clock clock) {
        return new AwsClientSettings(null, clock);
    }

    public static AwsClientSettings endpoint(URI endpoint, Clock clock) {
        return new AwsClientSettings(requireNonNull(endpoint, "endpoint is null"), clock);
    }

    public AwsClientSettings withRetry(RetryBudget budget) {
        return new AwsClientSettings(endpointOverride, clock, budget);
    }
}
