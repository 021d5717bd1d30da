package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SCIM users with some attributes left out, and pages without {@code totalResults}. */
class SparseScimTest {
    @Test
    void usersWithoutActiveIdOrUserNameAndPagesWithoutTotalResultsAreRead() throws Exception {
        List<String> pages = List.of(
                "{\"Resources\":[{\"id\":\"u-1\",\"active\":true},{\"userName\":\"bo\",\"active\":false}]}",
                "{\"Resources\":[{\"id\":\"u-3\"},{}]}",
                "{\"Resources\":[{\"id\":\"u-5\",\"active\":false}]}");
        List<String> asked = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/scim/v2/Users", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            asked.add(query);
            int startIndex = Integer.parseInt(query.replaceAll(".*startIndex=(\\d+).*", "$1"));
            byte[] body = pages.get((startIndex - 1) / 2).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            ScimUserDirectory scim = new ScimUserDirectory(
                    HttpClient.newHttpClient(),
                    new ScimConfig(
                            true,
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2",
                            new Secret("token")),
                    2);

            assertEquals(Optional.of(true), scim.active("u-1", null));
            assertEquals(Optional.of(false), scim.active("no-such-id", "bo"));
            assertEquals(Optional.empty(), scim.active("u-3", null), "no active: no status");
            assertEquals(Optional.of(false), scim.active("u-5", null), "read on until a page is not full");
            assertEquals(Optional.empty(), scim.active("", ""));
            assertEquals(List.of("startIndex=1&count=2", "startIndex=3&count=2", "startIndex=5&count=2"), asked);
        } finally {
            server.stop(0);
        }
    }
}
