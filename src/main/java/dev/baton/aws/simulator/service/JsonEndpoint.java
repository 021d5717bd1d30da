package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.protocol.JsonProtocol;
import java.io.IOException;
import java.util.UUID;

/**
 * A REST-JSON endpoint outside the signed AWS services (the SSO portal and its OIDC token endpoint): one JSON
 * answer, or an {@link AwsFault} written as AWS writes errors ({@code x-amzn-ErrorType} and a message).
 */
abstract class JsonEndpoint implements HttpHandler {
    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String requestId = UUID.randomUUID().toString();
            try {
                JsonProtocol.writeResponse(exchange, 200, answer(exchange), requestId);
            } catch (AwsFault fault) {
                JsonProtocol.writeError(exchange, fault.httpStatus(), fault.code(), fault.getMessage(), requestId);
            }
        }
    }

    abstract JsonNode answer(HttpExchange exchange) throws IOException;
}
