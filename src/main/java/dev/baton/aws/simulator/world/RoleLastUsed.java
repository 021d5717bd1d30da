package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** When and in which region a role was last used. */
public record RoleLastUsed(Instant date, String region) {
    public RoleLastUsed {
        requireNonNull(date, "date is null");
        requireNonNull(region, "region is null");
    }
}
