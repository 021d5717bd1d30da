package dev.baton.aws.simulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;

/** The JSON 1.1 wire format: request bodies, response bodies and error bodies as AWS writes them. */
public final class JsonProtocol {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private JsonProtocol() {}

    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The request body as a tree; an empty body is an empty object, as the SDK sends {@code {}} for no input. */
    public static JsonNode readBody(InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (bytes.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode tree = JSON.readTree(bytes);
        return tree == null ? JSON.createObjectNode() : tree;
    }

    public static void writeResponse(HttpExchange exchange, int status, JsonNode body, String requestId)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body == null ? JSON.createObjectNode() : body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        ReplyTransport.send(exchange, status, bytes);
    }

    /** {@code x-amzn-ErrorType: <code>} and {@code {"__type": <code>, "message": ...}}, as the SDK parses them. */
    public static void writeError(HttpExchange exchange, int status, String code, String message, String requestId)
            throws IOException {
        ObjectNode body = JSON.createObjectNode().put("__type", code).put("message", message);
        exchange.getResponseHeaders().set("x-amzn-ErrorType", code);
        writeResponse(exchange, status, body, requestId);
    }
}
