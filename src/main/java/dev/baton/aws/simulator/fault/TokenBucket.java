package dev.baton.aws.simulator.fault;

/**
 * A token bucket holding at most one second's worth of requests (at least one), refilled continuously. Time is
 * passed in, so a fixed test clock makes throttling exact.
 */
final class TokenBucket {
    private final double ratePerSecond;
    private final double capacity;
    private double tokens;
    private long lastMillis;

    TokenBucket(double ratePerSecond, long nowMillis) {
        this.ratePerSecond = ratePerSecond;
        this.capacity = Math.max(1.0, ratePerSecond);
        this.tokens = capacity;
        this.lastMillis = nowMillis;
    }

    synchronized boolean tryTake(long nowMillis) {
        if (nowMillis > lastMillis) {
            tokens = Math.min(capacity, tokens + (nowMillis - lastMillis) * ratePerSecond / 1000.0);
            lastMillis = nowMillis;
        }
        if (tokens >= 1.0) {
            tokens -= 1.0;
            return true;
        }
        return false;
    }
}
