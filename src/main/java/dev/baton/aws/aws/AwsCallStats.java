package dev.baton.aws.aws;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Thread-safe counters fed by {@link PacingInterceptor}: HTTP attempts per service scope, throttles, retries. Same
 * shape as {@code spi.ApiCallStats}, which this package may not import; {@code connector.AwsApiCallStats} adapts it.
 */
public final class AwsCallStats {
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder retries = new LongAdder();

    void recordCall(ServiceScope scope) {
        calls.computeIfAbsent(scope.key(), key -> new LongAdder()).increment();
    }

    void recordThrottled() {
        throttled.increment();
    }

    void recordRetry() {
        retries.increment();
    }

    /** Calls per service scope ({@code iam}, {@code sts}, {@code organizations}, {@code sso}, {@code cloudtrail}). */
    public Map<String, Long> callsByService() {
        Map<String, Long> sorted = new TreeMap<>();
        calls.forEach((scope, count) -> sorted.put(scope, count.sum()));
        return sorted;
    }

    public long throttled() {
        return throttled.sum();
    }

    public long retries() {
        return retries.sum();
    }
}
