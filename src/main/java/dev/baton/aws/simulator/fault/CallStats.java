package dev.baton.aws.simulator.fault;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Per-operation counters, keyed like {@code iam:ListUsers}: every call, the throttled ones, and the ones answered
 * with any other error. Served at {@code /_simulator/stats} for tests and benchmarks. Besides, the calls each rate
 * scope admitted (keyed like {@code iam:111111111111}), because a rate limit binds per scope, not per operation:
 * the sync benchmark derives its lower bound on wall time from them.
 */
public final class CallStats {
    private final ConcurrentMap<String, LongAdder> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> throttled = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> admitted = new ConcurrentHashMap<>();

    public void call(String operation) {
        calls.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    public void throttled(String operation) {
        throttled.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    public void error(String operation) {
        errors.computeIfAbsent(operation, key -> new LongAdder()).increment();
    }

    /** A call the token bucket of {@code scope} let through (whatever happened to it afterwards). */
    public void admitted(String scope) {
        admitted.computeIfAbsent(scope, key -> new LongAdder()).increment();
    }

    /** Admitted calls per rate scope, sorted; scopes without a rate limit are counted too. */
    public Map<String, Long> admittedByScope() {
        return sorted(admitted);
    }

    public Snapshot snapshot() {
        return new Snapshot(sorted(calls), sorted(throttled), sorted(errors));
    }

    public void reset() {
        calls.clear();
        throttled.clear();
        errors.clear();
        admitted.clear();
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
