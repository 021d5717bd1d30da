package dev.baton.aws.simulator.service;

import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.world.WorldState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The credential sources outside STS, served on the simulator's loopback port so the SDK's own providers can be
 * pointed at them: the IAM Identity Center portal ({@code GET /federation/credentials}) and its OIDC token
 * endpoint ({@code POST /token}), the EC2 instance metadata service (IMDSv2, {@code /latest/}) and the container
 * credentials endpoint ({@code /v2/credentials/}). Every one hands out sessions the simulator's services accept.
 */
public final class CredentialEndpoints {
    private CredentialEndpoints() {}

    /** Path prefix → handler, for {@code HttpServer.createContext}. */
    public static Map<String, HttpHandler> handlers(WorldState state, StsSessions sessions) {
        SessionIssuer issuer = new SessionIssuer(state, sessions, 3);
        PortalTokens portalTokens = new PortalTokens(state, issuer);
        Map<String, HttpHandler> handlers = new LinkedHashMap<>();
        handlers.put(SsoPortalHandler.PATH, new SsoPortalHandler(state, issuer, portalTokens));
        handlers.put(SsoOidcHandler.PATH, new SsoOidcHandler(portalTokens));
        handlers.put(InstanceMetadataHandler.PATH, new InstanceMetadataHandler(state, issuer));
        handlers.put(ContainerCredentialsHandler.PATH, new ContainerCredentialsHandler(state, issuer));
        return handlers;
    }
}
