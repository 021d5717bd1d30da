package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.world.Secret;

/** The secret key a caller signs with and, for temporary credentials, the session token it must send. */
public record SigningSecret(Secret secretAccessKey, Secret sessionToken) {
    public SigningSecret {
        requireNonNull(secretAccessKey, "secretAccessKey is null");
    }
}
