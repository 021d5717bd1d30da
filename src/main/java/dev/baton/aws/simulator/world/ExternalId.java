package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** An identifier of an Identity Center user or group in an external identity provider. */
public record ExternalId(String issuer, String id) {
    public ExternalId {
        requireNonNull(issuer, "issuer is null");
        requireNonNull(id, "id is null");
    }
}
