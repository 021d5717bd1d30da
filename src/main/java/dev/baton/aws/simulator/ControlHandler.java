package dev.baton.aws.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.simulator.world.WorldWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The simulator's own control surface under {@code /_simulator/}: stats, stats reset and the current world. */
final class ControlHandler implements HttpHandler {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WorldState state;
    private final CallStats stats;

    ControlHandler(WorldState state, CallStats stats) {
        this.state = requireNonNull(state, "state is null");
        this.stats = requireNonNull(stats, "stats is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/_simulator/stats") && method.equals("GET")) {
                send(exchange, 200, JSON.writeValueAsString(statsTree()));
            } else if (path.equals("/_simulator/stats/reset") && method.equals("POST")) {
                stats.reset();
                send(exchange, 200, "{}");
            } else if (path.equals("/_simulator/world") && method.equals("GET")) {
                send(exchange, 200, new WorldWriter().write(state.world()));
            } else {
                send(exchange, 404, "{\"message\":\"unknown control path\"}");
            }
        }
    }

    private ObjectNode statsTree() {
        CallStats.Snapshot snapshot = stats.snapshot();
        ObjectNode root = JSON.createObjectNode();
        snapshot.calls().forEach(root.putObject("calls")::put);
        snapshot.throttled().forEach(root.putObject("throttled")::put);
        snapshot.errors().forEach(root.putObject("errors")::put);
        return root;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
