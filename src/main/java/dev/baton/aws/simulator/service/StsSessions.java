package dev.baton.aws.simulator.service;

import dev.baton.aws.simulator.world.Secret;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live AssumeRole sessions by temporary access key id. Runtime state, not part of the world file: sessions
 * die with the server, as they would expire anyway.
 */
public final class StsSessions {
    private final ConcurrentMap<String, StsSession> byAccessKeyId = new ConcurrentHashMap<>();

    private final ConcurrentMap<String, SigningSecret> secrets = new ConcurrentHashMap<>();

    void add(StsSession session) {
        byAccessKeyId.put(session.accessKeyId(), session);
    }

    /** A session with the secret key and token it was issued with, so its requests' signatures can be checked. */
    void add(StsSession session, Secret secretAccessKey, Secret sessionToken) {
        secrets.put(session.accessKeyId(), new SigningSecret(secretAccessKey, sessionToken));
        add(session);
    }

    /** Empty for sessions added without their secret (their signatures cannot be checked). */
    Optional<SigningSecret> secret(String accessKeyId) {
        return Optional.ofNullable(secrets.get(accessKeyId));
    }

    Optional<StsSession> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }
}
