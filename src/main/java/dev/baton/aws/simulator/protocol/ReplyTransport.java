package dev.baton.aws.simulator.protocol;

import com.sun.net.httpserver.HttpExchange;
import dev.baton.aws.simulator.fault.NetworkFault;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Sends a reply's status and body, applying the network fault the request handler chose for this exchange (an
 * exchange attribute): a dropped connection sends nothing (closing the exchange then closes the socket), a
 * truncated body announces its full length, writes half and breaks the connection, a slow body writes half,
 * waits, then writes the rest.
 */
public final class ReplyTransport {
    private static final String ATTRIBUTE = "dev.baton.aws.simulator.networkFault";

    /** The fault for one exchange and, for a slow body, the pause in the middle. */
    public record Plan(NetworkFault fault, long pauseMillis) {}

    private ReplyTransport() {}

    public static void plan(HttpExchange exchange, Plan plan) {
        exchange.setAttribute(ATTRIBUTE, plan);
    }

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        Plan plan = exchange.getAttribute(ATTRIBUTE) instanceof Plan p ? p : new Plan(NetworkFault.NONE, 0);
        switch (plan.fault()) {
            case DROP_CONNECTION -> {}
            case TRUNCATE_BODY -> {
                exchange.sendResponseHeaders(status, body.length);
                OutputStream out = exchange.getResponseBody();
                out.write(body, 0, body.length / 2);
                out.flush();
                // closing short of the announced length makes the server drop the connection
            }
            case SLOW_BODY -> {
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    pause(plan.pauseMillis());
                    out.write(body, body.length / 2, body.length - body.length / 2);
                }
            }
            case NONE -> {
                exchange.sendResponseHeaders(status, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
