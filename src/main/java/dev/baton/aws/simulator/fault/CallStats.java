package dev.baton.aws.simulator.fault;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-operation counters, keyed like {@code iam:ListUsers}: every call, the throttled ones, and the ones answered
 * with any other error. Served at {@code /_simulator/stats} for tests and benchmarks.
 */
public final class CallStats {
    private final ConcurrentMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> throttled = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();

    public void call(String operation) {
        calls.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    public void throttled(String operation) {
        throttled.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    public void error(String operation) {
        errors.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    public Snapshot snapshot() {
        return new Snapshot(sorted(calls), sorted(throttled), sorted(errors));
    }

    public void reset() {
        calls.clear();
        throttled.clear();
        errors.clear();
    }

    private static Map<String, Long> sorted(ConcurrentMap<String, LongAdder> counters) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((key, value) -> result.put(key, value.sum()));
        return result;
    }

    /** Counters at one moment, sorted by operation. */
    public record Snapshot(Map<String, Long> calls, Map<String, Long> throttled, Map<String, Long> errors) {
        public long calls(String operation) {
            return calls.getOrDefault(operation, 0L);
        }
    }
}
