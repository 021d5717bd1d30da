package dev.baton.aws.cli;

import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.world.SparseMode;
import picocli.CommandLine.Option;

/**
 * The {@code simulator} flags for reply encoding, signature checks and network faults; each overrides the world
 * file's {@code faults} section. Values are checked before the world loads, each error naming its flag.
 */
final class SimulatorFaultOptions {
    @Option(
            names = "--sparse",
            paramLabel = "none|all|random",
            description = "Leave out reply members AWS's API models do not mark required: none, all of them, or a"
                    + " seeded random subset")
    private String sparse;

    @Option(names = "--sparse-seed", paramLabel = "N", description = "Seed of sparse random mode (default 1)")
    private Long sparseSeed;

    @Option(
            names = "--no-verify-signatures",
            description = "Accept any SigV4 signature (by default a request must"
                    + " be signed with the caller's secret key)")
    private boolean noVerifySignatures;

    @Option(
            names = "--drop-connection-rate",
            paramLabel = "P",
            description = "Share of calls whose connection is closed without a reply")
    private Double dropConnectionRate;

    @Option(
            names = "--truncate-body-rate",
            paramLabel = "P",
            description = "Share of calls whose reply body stops half-way")
    private Double truncateBodyRate;

    @Option(
            names = "--slow-body-rate",
            paramLabel = "P",
            description = "Share of calls whose reply body stalls half-way for --slow-body-delay-ms")
    private Double slowBodyRate;

    @Option(names = "--slow-body-delay-ms", paramLabel = "MS", description = "Stall of a slow body (default 5000)")
    private Long slowBodyDelayMs;

    /** Throws {@link ConfigException} naming the first bad flag. */
    void validate() {
        if (sparse != null && SparseMode.parse(sparse).isEmpty()) {
            throw ConfigException.invalid("--sparse", "expected none, all or random, found '" + sparse + "'");
        }
        rate("--drop-connection-rate", dropConnectionRate);
        rate("--truncate-body-rate", truncateBodyRate);
        rate("--slow-body-rate", slowBodyRate);
        double sum = orZero(dropConnectionRate) + orZero(truncateBodyRate) + orZero(slowBodyRate);
        if (sum > 1) {
            throw ConfigException.invalid(
                    "--drop-connection-rate",
                    "with --truncate-body-rate and --slow-body-rate" + " it must add up to at most 1, found " + sum);
        }
        if (slowBodyDelayMs != null && slowBodyDelayMs < 0) {
            throw ConfigException.invalid("--slow-body-delay-ms", "must be 0 or more, found " + slowBodyDelayMs);
        }
    }

    SimulatorServer.Builder apply(SimulatorServer.Builder builder) {
        if (sparse != null) {
            builder.sparse(SparseMode.parse(sparse).orElseThrow());
        }
        if (sparseSeed != null) {
            builder.sparseSeed(sparseSeed);
        }
        if (noVerifySignatures) {
            builder.verifySignatures(false);
        }
        if (dropConnectionRate != null) {
            builder.dropConnectionRate(dropConnectionRate);
        }
        if (truncateBodyRate != null) {
            builder.truncateBodyRate(truncateBodyRate);
        }
        if (slowBodyRate != null) {
            builder.slowBodyRate(slowBodyRate);
        }
        if (slowBodyDelayMs != null) {
            builder.slowBodyDelayMs(slowBodyDelayMs);
        }
        return builder;
    }

    private static void rate(String flag, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw ConfigException.invalid(flag, "must be between 0 and 1, found " + value);
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
