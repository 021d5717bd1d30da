package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An SSH public key a user uploaded for CodeCommit. */
public record SshPublicKey(String id, String status, Instant uploadDate, String fingerprint) {
    public SshPublicKey {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
        requireNonNull(uploadDate, "uploadDate is null");
        requireNonNull(fingerprint, "fingerprint is null");
    }
}
