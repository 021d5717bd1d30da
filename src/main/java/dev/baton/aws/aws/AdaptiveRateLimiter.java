package dev.baton.aws.aws;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A token bucket whose rate adapts to the service (AIMD): each throttling response halves the rate (at most once a
 * second, so a burst of throttled parallel calls counts once), each success adds back a twentieth of the configured
 * rate. Client-side pacing keeps a parallel sync under the service quota instead of burning retries on it; the
 * SDK's own retry policy still backs off (with jitter) when a call is throttled anyway.
 */
final class AdaptiveRateLimiter {
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private final double maxRate;
    private final double minRate;
    private final LongSupplier nanoTime;
    private double rate;
    private double tokens;
    private long lastRefill;
    private long lastDecrease;

    /** {@code requestsPerSecond} 0 means unlimited: no pacing and no adaptation. */
    AdaptiveRateLimiter(double requestsPerSecond, LongSupplier nanoTime) {
        if (requestsPerSecond < 0) {
            throw new IllegalArgumentException("requestsPerSecond is negative: " + requestsPerSecond);
        }
        this.maxRate = requestsPerSecond;
        this.minRate = Math.min(requestsPerSecond, 0.5);
        this.nanoTime = nanoTime;
        this.rate = requestsPerSecond;
        this.tokens = Math.max(1, requestsPerSecond);
        this.lastRefill = nanoTime.getAsLong();
        this.lastDecrease = lastRefill - NANOS_PER_SECOND;
    }

    /** Blocks until the caller may send one request. */
    void acquire() {
        long waitNanos = reserve();
        if (waitNanos > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the AWS rate limit", e);
            }
        }
    }

    /** Takes one token and returns how long the caller must wait before using it (0 when one was available). */
    synchronized long reserve() {
        if (maxRate == 0) {
            return 0;
        }
        long now = nanoTime.getAsLong();
        tokens = Math.min(Math.max(1, rate), tokens + (now - lastRefill) * rate / NANOS_PER_SECOND);
        lastRefill = now;
        tokens -= 1;
        return tokens >= 0 ? 0 : (long) (-tokens / rate * NANOS_PER_SECOND);
    }

    synchronized void onThrottled() {
        long now = nanoTime.getAsLong();
        if (maxRate == 0 || now - lastDecrease < NANOS_PER_SECOND) {
            return;
        }
        lastDecrease = now;
        rate = Math.max(minRate, rate / 2);
        tokens = Math.min(tokens, 0);
    }

    synchronized void onSuccess() {
        if (maxRate != 0) {
            rate = Math.min(maxRate, rate + maxRate / 20);
        }
    }

    synchronized double currentRate() {
        return rate;
    }
}
