package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** An X.509 signing certificate of a user. */
public record SigningCertificate(String id, String status, Instant uploadDate, String body) {
    public SigningCertificate {
        requireNonNull(id, "id is null");
        requireNonNull(status, "status is null");
        requireNonNull(uploadDate, "uploadDate is null");
        requireNonNull(body, "body is null");
    }
}
