package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.world.Federation;
import dev.baton.aws.simulator.world.WorldState;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Identity Center portal's access tokens: those the world declares ({@code federation.ssoPortalTokens}) and
 * those {@code CreateToken} issued since the server started (runtime state, like STS sessions).
 */
final class PortalTokens {
    private final WorldState state;
    private final SessionIssuer issuer;
    private final ConcurrentMap<String, String> issuedUsers = new ConcurrentHashMap<>();

    PortalTokens(WorldState state, SessionIssuer issuer) {
        this.state = requireNonNull(state, "state is null");
        this.issuer = requireNonNull(issuer, "issuer is null");
    }

    /** The identity-store user name an access token belongs to. */
    Optional<String> userOf(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        String issued = issuedUsers.get(accessToken);
        if (issued != null) {
            return Optional.of(issued);
        }
        return state.world().federation().ssoPortalTokens().stream()
                .filter(token -> token.accessToken().value().equals(accessToken))
                .map(Federation.SsoPortalToken::userName)
                .findFirst();
    }

    /** A new access token for the owner of {@code refreshToken}, when the world knows that refresh token. */
    Optional<String> refresh(String refreshToken) {
        Optional<String> user = state.world().federation().ssoPortalTokens().stream()
                .filter(token -> token.refreshToken() != null
                        && token.refreshToken().value().equals(refreshToken))
                .map(Federation.SsoPortalToken::userName)
                .findFirst();
        return user.map(name -> {
            String accessToken = "aoa" + issuer.opaqueToken();
            issuedUsers.put(accessToken, name);
            return accessToken;
        });
    }
}
