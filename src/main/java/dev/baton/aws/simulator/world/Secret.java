package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** A secret value (secret access key, SCIM token); {@code toString()} hides it so it never reaches a log. */
public record Secret(String value) {
    public Secret {
        requireNonNull(value, "value is null");
    }

    @Override
    public String toString() {
        return "***";
    }
}
