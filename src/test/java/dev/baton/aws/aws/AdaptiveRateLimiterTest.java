package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AdaptiveRateLimiterTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Test
    void burstOfOneSecondThenPacesAtTheRate() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(10, nanos::get);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limiter.reserve(), "call " + i + " is within the burst");
        }
        assertEquals(TimeUnit.MILLISECONDS.toNanos(100), limiter.reserve());
    }

    @Test
    void throttlingHalvesTheRateOncePerSecondAndSuccessesRestoreIt() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, nanos::get);
        limiter.onThrottled();
        limiter.onThrottled(); // same second: one burst of throttles counts once
        assertEquals(10, limiter.currentRate());
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
        limiter.onThrottled();
        assertEquals(5, limiter.currentRate());
        for (int i = 0; i < 100; i++) {
            limiter.onSuccess();
        }
        assertEquals(20, limiter.currentRate());
    }

    @Test
    void throttledLimiterMakesTheNextCallWait() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(4, nanos::get);
        limiter.onThrottled();
        assertTrue(limiter.reserve() > 0);
    }

    @Test
    void zeroMeansUnlimited() {
        AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0, nanos::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(0, limiter.reserve());
        }
        limiter.onThrottled();
        assertEquals(0, limiter.reserve());
    }
}
