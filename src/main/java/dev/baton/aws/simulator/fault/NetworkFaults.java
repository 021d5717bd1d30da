package dev.baton.aws.simulator.fault;

import java.util.Random;

/**
 * Draws a {@link NetworkFault} per reply at the configured rates, from its own {@link Random} seeded from the world
 * (apart from the 5xx draws, so turning network faults on does not move which calls get a 500).
 */
public final class NetworkFaults {
    private final double drop;
    private final double truncate;
    private final double slow;
    private final Random random;

    public NetworkFaults(double dropConnectionRate, double truncateBodyRate, double slowBodyRate, long seed) {
        if (dropConnectionRate < 0
                || truncateBodyRate < 0
                || slowBodyRate < 0
                || dropConnectionRate + truncateBodyRate + slowBodyRate > 1) {
            throw new IllegalArgumentException("network fault rates must be within 0..1 and add up to at most 1");
        }
        this.drop = dropConnectionRate;
        this.truncate = truncateBodyRate;
        this.slow = slowBodyRate;
        this.random = new Random(seed ^ 0x6e6574776f726bL);
    }

    public NetworkFault next() {
        if (drop + truncate + slow == 0) {
            return NetworkFault.NONE;
        }
        double draw;
        synchronized (random) {
            draw = random.nextDouble();
        }
        if (draw < drop) {
            return NetworkFault.DROP_CONNECTION;
        }
        if (draw < drop + truncate) {
            return NetworkFault.TRUNCATE_BODY;
        }
        return draw < drop + truncate + slow ? NetworkFault.SLOW_BODY : NetworkFault.NONE;
    }
}
