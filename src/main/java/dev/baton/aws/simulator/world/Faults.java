package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/**
 * The world file's {@code faults} section: how faithfully replies are encoded and which transport failures are
 * injected. {@code sparse}/{@code sparseSeed} leave out members AWS may leave out; {@code verifySignatures} checks
 * every SigV4 signature against the caller's secret key; the three rates are the share of calls whose connection is
 * closed without a reply ({@code dropConnectionRate}), whose body stops half-way ({@code truncateBodyRate}), or
 * whose body stalls for {@code slowBodyDelayMs} half-way ({@code slowBodyRate}). Rates draw from the world's seed.
 */
public record Faults(
        SparseMode sparse,
        long sparseSeed,
        boolean verifySignatures,
        double dropConnectionRate,
        double truncateBodyRate,
        double slowBodyRate,
        long slowBodyDelayMs) {
    public static final long DEFAULT_SLOW_BODY_DELAY_MS = 5_000;

    public Faults {
        requireNonNull(sparse, "sparse is null");
        rate("dropConnectionRate", dropConnectionRate);
        rate("truncateBodyRate", truncateBodyRate);
        rate("slowBodyRate", slowBodyRate);
        if (dropConnectionRate + truncateBodyRate + slowBodyRate > 1) {
            throw new IllegalArgumentException("the network fault rates must add up to at most 1");
        }
        if (slowBodyDelayMs < 0) {
            throw new IllegalArgumentException("slowBodyDelayMs must not be negative");
        }
    }

    /** Full replies, signatures checked, no network faults. */
    public static Faults defaults() {
        return new Faults(SparseMode.NONE, 1, true, 0, 0, 0, DEFAULT_SLOW_BODY_DELAY_MS);
    }

    public boolean anyNetworkFault() {
        return dropConnectionRate > 0 || truncateBodyRate > 0 || slowBodyRate > 0;
    }

    private static void rate(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be within 0..1");
        }
    }
}
