package dev.baton.aws.simulator.fault;

import java.util.Map;

/**
 * The fault knobs of a running simulator (from the world's limits, possibly overridden on the command line).
 * {@code ratePerSecond} is keyed by rate name ({@code iam}, {@code sts}, {@code organizations},
 * {@code identityCenter}, {@code cloudtrail}); 0 or absent means unlimited.
 */
public record FaultSettings(
        long latencyMs, long jitterMs, double errorRate, long seed, Map<String, Double> ratePerSecond) {
    public FaultSettings {
        if (latencyMs < 0 || jitterMs < 0) {
            throw new IllegalArgumentException("latency and jitter must not be negative");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("errorRate must be within 0..1");
        }
        ratePerSecond = Map.copyOf(ratePerSecond);
    }
}
