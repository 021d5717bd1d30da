package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScimHandlerTest {
    private static final String TOKEN = "scim-secret-token";
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private SimulatorExtension simulator;

    /** Serves SCIM through the simulator server, so the {@code /scim/} route is part of the test. */
    private String start(SimulatorExtension started) {
        simulator = started;
        return simulator.server().endpoint().toString();
    }

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    private HttpResponse<String> get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usersPageByStartIndexAndCountWithActiveFromStatus() throws Exception {
        String base = start(JsonWorld.simulator().start()) + "/scim/v2/Users";
        List<String> names = new ArrayList<>();
        int startIndex = 1;
        int total;
        do {
            JsonNode page = JsonWorld.JSON.readTree(
                    get(base + "?startIndex=" + startIndex + "&count=2", TOKEN).body());
            total = page.get("totalResults").asInt();
            assertEquals(startIndex, page.get("startIndex").asInt());
            page.get("Resources")
                    .forEach(user -> names.add(user.get("userName").asText() + "="
                            + user.get("active").asBoolean()));
            startIndex += page.get("itemsPerPage").asInt();
        } while (startIndex <= total);
        assertEquals(List.of("carol@example.com=true", "dave@example.com=false", "erin=true"), names);
    }

    @Test
    void userNameFilterFindsTheUser() throws Exception {
        String filter = URLEncoder.encode("userName eq \"dave@example.com\"", StandardCharsets.UTF_8);
        HttpResponse<String> response =
                get(start(JsonWorld.simulator().start()) + "/scim/v2/Users?filter=" + filter, TOKEN);
        assertEquals(200, response.statusCode());
        assertEquals(
                "application/scim+json",
                response.headers().firstValue("Content-Type").orElseThrow());
        JsonNode body = JsonWorld.JSON.readTree(response.body());
        assertEquals(1, body.get("totalResults").asInt());
        JsonNode dave = body.get("Resources").get(0);
        assertEquals("u-dave", dave.get("id").asText());
        assertEquals("Dave", dave.get("name").get("givenName").asText());
        assertFalse(dave.get("active").asBoolean());
        String unsupported = URLEncoder.encode("displayName co \"D\"", StandardCharsets.UTF_8);
        HttpResponse<String> invalid = get(
                response.uri().resolve("/scim/v2/Users?filter=" + unsupported).toString(), TOKEN);
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("invalidFilter"));
    }

    @Test
    void wrongOrMissingTokenIsUnauthorizedWithoutEchoingIt() throws Exception {
        String base = start(JsonWorld.simulator().start()) + "/scim/v2/Users";
        HttpResponse<String> wrong = get(base, "guess");
        assertEquals(401, wrong.statusCode());
        assertFalse(wrong.body().contains(TOKEN));
        assertEquals(401, get(base, null).statusCode());
        assertEquals(200, get(base, TOKEN).statusCode());
    }

    @Test
    void scimIsNotFoundWhenTheWorldHasNoToken() throws Exception {
        String base = start(JsonWorld.simulator(tree -> ((ObjectNode) tree.get("identityCenter")).remove("scimToken"))
                .start());
        HttpResponse<String> response = get(base + "/scim/v2/Users", TOKEN);
        assertEquals(404, response.statusCode());
        assertTrue(response.body().contains("urn:ietf:params:scim:api:messages:2.0:Error"));
    }

    @Test
    void singleUserByIdAndUnknownUser() throws Exception {
        String base = start(JsonWorld.simulator().start()) + "/scim/v2/Users/";
        JsonNode erin = JsonWorld.JSON.readTree(get(base + "u-erin", TOKEN).body());
        assertEquals("erin", erin.get("userName").asText());
        assertEquals(404, get(base + "u-nobody", TOKEN).statusCode());
    }
}
