package dev.baton.aws.simulator.world;

import java.util.Locale;
import java.util.Optional;

/**
 * Which response members the simulator leaves out. {@code NONE}: every member it knows (the default);
 * {@code ALL}: every member AWS's API model does not mark required (see docs/simulator.md for the members kept
 * anyway); {@code RANDOM}: a seeded, deterministic subset of those.
 */
public enum SparseMode {
    NONE("none"),
    ALL("all"),
    RANDOM("random");

    private final String value;

    SparseMode(String value) {
        this.value = value;
    }

    /** The spelling in the world file and on the command line. */
    public String value() {
        return value;
    }

    public static Optional<SparseMode> parse(String text) {
        for (SparseMode mode : values()) {
            if (mode.value.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
