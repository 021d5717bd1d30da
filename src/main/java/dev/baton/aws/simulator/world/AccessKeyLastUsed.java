package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** When and where an access key was last used. */
public record AccessKeyLastUsed(Instant date, String service, String region) {
    public AccessKeyLastUsed {
        requireNonNull(date, "date is null");
        requireNonNull(service, "service is null");
        requireNonNull(region, "region is null");
    }
}
