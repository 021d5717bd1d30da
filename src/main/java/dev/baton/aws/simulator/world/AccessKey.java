package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An IAM user's access key (metadata only; secrets live in {@link Credential}). {@code lastUsed} may be null. */
public record AccessKey(String id, String status, Instant createDate, AccessKeyLastUsed lastUsed) {
    public AccessKey {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
        requireNonNull(createDate, "createDate is null");
    }

    public boolean active() {
        return "Active".equals(status);
    }
}
