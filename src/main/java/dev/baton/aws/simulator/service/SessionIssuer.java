package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.IdSource;
import dev.baton.aws.simulator.world.Secret;
import dev.baton.aws.simulator.world.WorldState;
import java.time.Instant;

/**
 * Mints temporary credentials ({@code ASIA…} key, secret, session token) for a role session and registers the
 * session, so every later call signed with the key runs as that session. Every way into a role goes through here:
 * AssumeRole, AssumeRoleWithWebIdentity, the SSO portal, and the instance and container credential endpoints.
 */
final class SessionIssuer {
    private final WorldState state;
    private final StsSessions sessions;
    private final IdSource ids;

    /** Credentials just issued; the secret and token exist only in this value and the reply that carries them. */
    record Issued(StsSession session, String secretAccessKey, String sessionToken) {
        Instant expiration() {
            return session.expiration();
        }

        /** The {@code <Credentials>} element of STS replies. */
        XmlWriter credentialsXml(XmlWriter xml) {
            return xml.start("Credentials")
                    .element("AccessKeyId", session.accessKeyId())
                    .element("SecretAccessKey", secretAccessKey)
                    .element("SessionToken", sessionToken)
                    .element("Expiration", session.expiration())
                    .end();
        }
    }

    /** @param seedOffset added to the world seed, so each issuer's keys are reproducible and apart from others' */
    SessionIssuer(WorldState state, StsSessions sessions, long seedOffset) {
        this.state = requireNonNull(state, "state is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.ids = new IdSource(state.world().limits().seed() + seedOffset);
    }

    /** A session of the role, living {@code durationSeconds} or the world's credential lifetime if shorter. */
    Issued issue(String accountId, RoleRef role, String sessionName, long durationSeconds) {
        long lifetime = Math.min(durationSeconds, state.world().limits().credentialLifetimeSeconds());
        Instant expiration = state.clock().instant().plusSeconds(lifetime);
        Issued issued;
        synchronized (ids) {
            StsSession session = new StsSession(
                    ids.accessKeyId("ASIA"), accountId, role.name(), role.path(), role.id(), sessionName, expiration);
            issued = new Issued(session, ids.secret(), "FwoGZXIvYXdzE" + ids.secret() + ids.secret());
        }
        sessions.add(issued.session(), new Secret(issued.secretAccessKey()), new Secret(issued.sessionToken()));
        return issued;
    }

    /** A random opaque value (IMDS session tokens, SSO access tokens) from the same reproducible source. */
    String opaqueToken() {
        synchronized (ids) {
            return ids.secret().replace('/', '_').replace('+', '-');
        }
    }

    /** The role a session runs as; it need not exist in the world (the SSO portal's reserved roles). */
    record RoleRef(String name, String path, String id) {
        RoleRef {
            requireNonNull(name, "name is null");
            requireNonNull(path, "path is null");
            requireNonNull(id, "id is null");
        }
    }
}
