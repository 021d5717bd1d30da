package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.baton.aws.simulator.protocol.JsonProtocol;
import java.io.IOException;

/**
 * SSO OIDC {@code CreateToken} ({@code POST /token}) with {@code grantType=refresh_token}: what the SDK calls when
 * an SSO session's cached access token has expired. The refresh token must be one the world declares; the new
 * access token is good for the portal until the server stops. Other grant types (the device flow of
 * {@code aws sso login}) are not simulated.
 */
final class SsoOidcHandler extends JsonEndpoint {
    static final String PATH = "/token";
    private static final int EXPIRES_IN_SECONDS = 3600;

    private final PortalTokens tokens;

    SsoOidcHandler(PortalTokens tokens) {
        this.tokens = requireNonNull(tokens, "tokens is null");
    }

    @Override
    JsonNode answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")
                || !exchange.getRequestURI().getPath().equals(PATH)) {
            throw new AwsFault(404, "ResourceNotFoundException", "Not found");
        }
        JsonNode body = JsonProtocol.readBody(exchange.getRequestBody());
        if (!"refresh_token".equals(body.path("grantType").asText())) {
            throw new AwsFault(400, "UnsupportedGrantTypeException", "Unsupported grant type");
        }
        String refreshToken = body.path("refreshToken").asText();
        String accessToken = tokens.refresh(refreshToken)
                .orElseThrow(() -> new AwsFault(400, "InvalidGrantException", "Invalid refresh token provided"));
        ObjectNode reply = JsonProtocol.mapper()
                .createObjectNode()
                .put("accessToken", accessToken)
                .put("tokenType", "Bearer")
                .put("expiresIn", EXPIRES_IN_SECONDS)
                .put("refreshToken", refreshToken);
        return reply;
    }
}
