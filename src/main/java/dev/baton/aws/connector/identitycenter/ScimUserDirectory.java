package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.spi.SyncException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads every user of the Identity Center SCIM endpoint once per sync ({@code GET <endpoint>/Users?startIndex&count},
 * bearer token) and answers {@code active} per user. Identity Center's SCIM user id is the Identity Store user id;
 * the user name is a fallback key. The token is a {@code Secret}: it goes into the request header only, never into
 * a message. A user without {@code active} says nothing about its status; one without {@code id} or
 * {@code userName} is known by the other key only; a page without {@code totalResults} is the last when it is not
 * full.
 */
final class ScimUserDirectory implements ScimUserStatuses {
    private static final ObjectReader JSON = JsonMapper.builder().build().reader();
    /** Identity Center's SCIM maximum page size. */
    private static final int MAX_PAGE_SIZE = 100;

    private final HttpClient http;
    private final ScimConfig config;
    private final int pageSize;
    private Map<String, Boolean> byId;
    private Map<String, Boolean> byUserName;

    ScimUserDirectory(HttpClient http, ScimConfig config) {
        this(http, config, MAX_PAGE_SIZE);
    }

    ScimUserDirectory(HttpClient http, ScimConfig config, int pageSize) {
        this.http = requireNonNull(http, "http is null");
        this.config = requireNonNull(config, "config is null");
        this.pageSize = pageSize;
    }

    @Override
    public synchronized Optional<Boolean> active(String userId, String userName) throws SyncException {
        if (byId == null) {
            load();
        }
        Boolean active = byId.get(userId);
        if (active == null && userName != null) {
            active = byUserName.get(userName);
        }
        return Optional.ofNullable(active);
    }

    private void load() throws SyncException {
        Map<String, Boolean> ids = new HashMap<>();
        Map<String, Boolean> names = new HashMap<>();
        int startIndex = 1;
        while (true) {
            JsonNode page = fetch(startIndex);
            JsonNode resources = page.path("Resources");
            for (JsonNode user : resources) {
                if (!user.path("active").isBoolean()) {
                    continue;
                }
                boolean active = user.path("active").asBoolean();
                putIfNamed(ids, user.path("id").asText(""), active);
                putIfNamed(names, user.path("userName").asText(""), active);
            }
            startIndex += resources.size();
            JsonNode total = page.path("totalResults");
            if (resources.isEmpty() || (total.isNumber() ? startIndex > total.asInt() : resources.size() < pageSize)) {
                break;
            }
        }
        byId = ids;
        byUserName = names;
    }

    private static void putIfNamed(Map<String, Boolean> byKey, String key, boolean active) {
        if (!key.isEmpty()) {
            byKey.put(key, active);
        }
    }

    private JsonNode fetch(int startIndex) throws SyncException {
        URI uri = URI.create(usersUrl() + "?startIndex=" + startIndex + "&count=" + pageSize);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/scim+json")
                .header("Authorization", "Bearer " + config.token().value())
                .GET()
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SyncException("scim: GET " + usersUrl() + " returned HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new SyncException("scim: GET " + usersUrl() + " returned invalid JSON", e);
        } catch (IOException e) {
            throw new SyncException("scim: GET " + usersUrl() + " failed: " + describe(e, uri), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("scim: GET " + usersUrl() + " interrupted", e);
        }
    }

    /**
     * What went wrong on the wire, in words: the JDK's HTTP client throws {@code ConnectException} without a
     * message, which printed as "failed: null".
     */
    static String describe(IOException e, URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "http".equals(uri.getScheme()) ? 80 : 443;
        String address = uri.getHost() + ":" + port;
        if (e instanceof java.net.ConnectException) {
            return "cannot connect to " + address + " (" + rootMessage(e, "connection refused") + ")";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer from " + address + " in time";
        }
        return rootMessage(e, e.getClass().getSimpleName()) + " (" + address + ")";
    }

    private static String rootMessage(Throwable e, String fallback) {
        String message = null;
        for (Throwable cause = e; cause != null && message == null; cause = cause.getCause()) {
            message = cause.getMessage() == null || cause.getMessage().isBlank() ? null : cause.getMessage();
        }
        return message == null ? fallback : message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The endpoint as Identity Center shows it ({@code https://scim.<region>.amazonaws.com/<id>/scim/v2}). */
    private String usersUrl() {
        String base = config.endpoint();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/Users";
    }
}
