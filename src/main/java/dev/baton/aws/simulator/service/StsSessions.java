package dev.baton.aws.simulator.service;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The live AssumeRole sessions by temporary access key id. Runtime state, not part of the world file: sessions
 * die with the server, as they would expire anyway.
 */
public final class StsSessions {
    private final ConcurrentMap<String, StsSession> byAccessKeyId = new ConcurrentHashMap<>();

    void add(StsSession session) {
        byAccessKeyId.put(session.accessKeyId(), session);
    }

    Optional<StsSession> find(String accessKeyId) {
        return Optional.ofNullable(byAccessKeyId.get(accessKeyId));
    }
}
