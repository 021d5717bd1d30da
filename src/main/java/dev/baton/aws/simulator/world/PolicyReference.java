package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** A customer-managed policy referenced by name and path from a permission set. */
public record PolicyReference(String name, String path) {
    public PolicyReference {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
    }
}
