package dev.baton.aws.simulator.fault;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Decides, per call, whether to throttle it (token bucket per rate scope) or fail it (random retryable 5xx at
 * {@code errorRate}), and how long to delay it. Randomness comes from one {@link Random} seeded from the world,
 * so a sequential client sees the same faults on every run.
 */
public final class FaultGate {
    private final FaultSettings settings;
    private final Clock clock;
    private final Random random;
    private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    public FaultGate(FaultSettings settings, Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.random = new Random(settings.seed());
    }

    public FaultSettings settings() {
        return settings;
    }

    /**
     * The verdict for a call in {@code scope}. The text of the scope before the first {@code ':'} names its rate,
     * so {@code iam:111111111111} is one IAM bucket per account, all at {@code ratePerSecond.iam}.
     */
    public Verdict admit(String scope) {
        int colon = scope.indexOf(':');
        double rate = settings.ratePerSecond().getOrDefault(colon < 0 ? scope : scope.substring(0, colon), 0.0);
        if (rate > 0) {
            TokenBucket bucket = buckets.computeIfAbsent(scope, key -> new TokenBucket(rate, clock.millis()));
            if (!bucket.tryTake(clock.millis())) {
                return Verdict.THROTTLED;
            }
        }
        if (settings.errorRate() > 0) {
            synchronized (random) {
                if (random.nextDouble() < settings.errorRate()) {
                    return random.nextBoolean() ? Verdict.INTERNAL_FAILURE : Verdict.SERVICE_UNAVAILABLE;
                }
            }
        }
        return Verdict.PASS;
    }

    /** Milliseconds to hold this call: latency plus a uniform jitter in {@code [0, jitterMs]}. */
    public long delayMillis() {
        if (settings.jitterMs() == 0) {
            return settings.latencyMs();
        }
        synchronized (random) {
            return settings.latencyMs() + (long) (random.nextDouble() * (settings.jitterMs() + 1));
        }
    }
}
