package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.Credential;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.List;
import java.util.Optional;

/**
 * Turns the access key id of a request into a {@link Caller}: long-term keys from the world's credentials,
 * {@code ASIA…} keys from live AssumeRole sessions. The deny list is read from the current world each time, so a
 * change to the world applies to the next call.
 */
public final class CallerResolver {
    private final WorldState state;
    private final StsSessions sessions;

    public CallerResolver(WorldState state, StsSessions sessions) {
        this.state = requireNonNull(state, "state is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    /**
     * The caller for {@code accessKeyId}. Faults use the query-protocol codes ({@code InvalidClientTokenId},
     * {@code ExpiredToken}, 403); the server renames them for JSON services.
     */
    public Caller resolve(String accessKeyId) {
        World world = state.world();
        Optional<Credential> credential = world.credential(accessKeyId);
        if (credential.isPresent()) {
            return userCaller(world, credential.get());
        }
        StsSession session = sessions.find(accessKeyId)
                .orElseThrow(() -> new AwsFault(
                        403, "InvalidClientTokenId", "The security token included in the request is invalid."));
        if (!state.clock().instant().isBefore(session.expiration())) {
            throw new AwsFault(403, "ExpiredToken", "The security token included in the request is expired");
        }
        List<String> deny = world.account(session.accountId())
                .flatMap(a -> a.iam().role(session.roleName()))
                .map(IamRole::deny)
                .orElse(List.of());
        return new Caller(session.accountId(), session.assumedRoleArn(), accessKeyId, deny);
    }

    private static Caller userCaller(World world, Credential credential) {
        Account account = world.account(credential.accountId()).orElseThrow(() -> invalid());
        IamUser user = account.iam().user(credential.user()).orElseThrow(() -> invalid());
        boolean keyActive = user.accessKeys().stream()
                .filter(key -> key.id().equals(credential.accessKeyId()))
                .allMatch(key -> key.active());
        if (!keyActive || user.accessKeys().stream().noneMatch(key -> key.id().equals(credential.accessKeyId()))) {
            throw invalid();
        }
        return new Caller(account.id(), user.arn(account.id()), credential.accessKeyId(), user.deny());
    }

    /** A key whose user or key was deleted (or deactivated) stops working, as in AWS. */
    private static AwsFault invalid() {
        return new AwsFault(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    /**
     * The secret a request signed with {@code accessKeyId} must be signed with: the world's secret key for
     * long-term keys, the issued secret and token for sessions; empty for unknown keys and for sessions whose
     * secret was not recorded.
     */
    public Optional<SigningSecret> signingSecret(String accessKeyId) {
        Optional<Credential> credential = state.world().credential(accessKeyId);
        if (credential.isPresent()) {
            return Optional.of(new SigningSecret(
                    credential.get().secretAccessKey(), credential.get().sessionToken()));
        }
        return sessions.secret(accessKeyId);
    }

    StsSessions sessions() {
        return sessions;
    }
}
