package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fault and paging settings; {@code faults} holds the world file's {@code faults} section. {@code ratePerSecond} is keyed by rate scope ({@code iam} per account, {@code sts},
 * {@code organizations}, {@code identityCenter}, {@code cloudtrail}; 0 = unlimited); {@code pageSize} by service
 * ({@code iam}, {@code organizations}, {@code ssoAdmin}, {@code identityStore}, {@code cloudtrail}).
 */
public record Limits(
        long latencyMs,
        long jitterMs,
        double errorRate,
        long seed,
        Map<String, Double> ratePerSecond,
        Map<String, Integer> pageSize,
        long credentialLifetimeSeconds,
        long assignmentDelayMs,
        Faults faults) {

    public static final Map<String, Integer> DEFAULT_PAGE_SIZES =
            Map.of("iam", 100, "organizations", 20, "ssoAdmin", 100, "identityStore", 100, "cloudtrail", 50);
    public static final Map<String, Double> DEFAULT_RATES =
            Map.of("iam", 0.0, "sts", 0.0, "organizations", 0.0, "identityCenter", 0.0, "cloudtrail", 0.0);

    public Limits {
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be within 0..1");
        }
        ratePerSecond = Collections.unmodifiableMap(merged(DEFAULT_RATES, ratePerSecond));
        pageSize = Collections.unmodifiableMap(merged(DEFAULT_PAGE_SIZES, pageSize));
        requireNonNull(faults, "faults is null");
    }

    /** Limits with the default {@link Faults} (full replies, signatures checked, no network faults). */
    public Limits(
            long latencyMs,
            long jitterMs,
            double errorRate,
            long seed,
            Map<String, Double> ratePerSecond,
            Map<String, Integer> pageSize,
            long credentialLifetimeSeconds,
            long assignmentDelayMs) {
        this(
                latencyMs,
                jitterMs,
                errorRate,
                seed,
                ratePerSecond,
                pageSize,
                credentialLifetimeSeconds,
                assignmentDelayMs,
                Faults.defaults());
    }

    public static Limits defaults() {
        return new Limits(0, 0, 0.0, 1, Map.of(), Map.of(), 3600, 200);
    }

    /** ResultSlice size for a service key such as {@code "ssoAdmin"}; 100 for a key nobody configured. */
    public int pageSize(String service) {
        return pageSize.getOrDefault(service, 100);
    }

    /** Requests per second allowed in a rate scope; 0 means unlimited. */
    public double ratePerSecond(String scope) {
        return ratePerSecond.getOrDefault(scope, 0.0);
    }

    public Limits withSeed(long newSeed) {
        return new Limits(
                latencyMs,
                jitterMs,
                errorRate,
                newSeed,
                ratePerSecond,
                pageSize,
                credentialLifetimeSeconds,
                assignmentDelayMs,
                faults);
    }

    public Limits withFaults(Faults newFaults) {
        return new Limits(
                latencyMs,
                jitterMs,
                errorRate,
                seed,
                ratePerSecond,
                pageSize,
                credentialLifetimeSeconds,
                assignmentDelayMs,
                newFaults);
    }

    private static <V> TreeMap<String, V> merged(Map<String, V> defaults, Map<String, V> given) {
        TreeMap<String, V> result = new TreeMap<>(defaults);
        result.putAll(given);
        return result;
    }
}
