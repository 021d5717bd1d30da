package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.Secret;
import dev.baton.aws.simulator.world.SsoEmail;
import dev.baton.aws.simulator.world.SsoUser;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Identity Center SCIM endpoint, read side: {@code GET /scim/v2/Users} with {@code startIndex}, {@code count}
 * and the {@code userName eq "x"} filter, and {@code GET /scim/v2/Users/<id>}. Enabled by a non-null
 * {@code identityCenter.scimToken}, which callers send as a Bearer token. It is the one place a user's
 * enabled/disabled status is visible to a client, as {@code active}.
 */
public final class ScimHandler implements HttpHandler {
    private static final String USERS = "/scim/v2/Users";
    private static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    /** Identity Center returns at most this many users per SCIM page. */
    static final int MAX_COUNT = 100;

    private static final Pattern USER_NAME_FILTER =
            Pattern.compile("^\\s*userName\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*$", Pattern.CASE_INSENSITIVE);

    private final WorldState state;

    public ScimHandler(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            IdentityCenter identityCenter = state.world().identityCenter();
            Secret token = identityCenter == null ? null : identityCenter.scimToken();
            String path = exchange.getRequestURI().getPath();
            if (token == null || !path.startsWith(USERS)) {
                error(exchange, 404, null, "Not found");
            } else if (!authorized(exchange, token)) {
                error(exchange, 401, null, "The Bearer token is missing or not valid");
            } else if (!exchange.getRequestMethod().equals("GET")) {
                error(exchange, 405, null, "Only GET is supported");
            } else if (path.equals(USERS) || path.equals(USERS + "/")) {
                listUsers(exchange, identityCenter);
            } else {
                getUser(exchange, identityCenter, path.substring(USERS.length() + 1));
            }
        }
    }

    private static boolean authorized(HttpExchange exchange, Secret token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // constant time, so the token cannot be guessed byte by byte from response times
        return MessageDigest.isEqual(
                header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                token.value().getBytes(StandardCharsets.UTF_8));
    }

    private static void listUsers(HttpExchange exchange, IdentityCenter identityCenter) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        Integer startIndex = integer(query.get("startIndex"));
        Integer count = integer(query.get("count"));
        if ((query.containsKey("startIndex") && startIndex == null) || (query.containsKey("count") && count == null)) {
            error(exchange, 400, "invalidValue", "startIndex and count must be integers");
            return;
        }
        List<SsoUser> users = identityCenter.users();
        String filter = query.get("filter");
        if (filter != null) {
            Matcher matcher = USER_NAME_FILTER.matcher(filter);
            if (!matcher.matches()) {
                error(exchange, 400, "invalidFilter", "Only the filter userName eq \"value\" is supported");
                return;
            }
            String userName = matcher.group(1).replaceAll("\\\\(.)", "$1");
            users = users.stream()
                    .filter(user -> user.userName().equalsIgnoreCase(userName))
                    .toList();
        }
        int from = Math.max(1, startIndex == null ? 1 : startIndex);
        int size = Math.max(0, Math.min(MAX_COUNT, count == null ? MAX_COUNT : count));
        List<SsoUser> page = users.subList(Math.min(users.size(), from - 1), Math.min(users.size(), from - 1 + size));
        ObjectNode body = JsonReplies.object();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        body.put("totalResults", users.size()).put("itemsPerPage", page.size()).put("startIndex", from);
        ArrayNode resources = body.putArray("Resources");
        page.forEach(user -> resources.add(user(user)));
        send(exchange, 200, body);
    }

    private static void getUser(HttpExchange exchange, IdentityCenter identityCenter, String id) throws IOException {
        var user = identityCenter.user(URLDecoder.decode(id, StandardCharsets.UTF_8));
        if (user.isEmpty()) {
            error(exchange, 404, null, "Resource " + id + " not found");
        } else {
            send(exchange, 200, user(user.get()));
        }
    }

    static ObjectNode user(SsoUser user) {
        ObjectNode node = JsonReplies.object();
        node.putArray("schemas").add(USER_SCHEMA);
        node.put("id", user.id());
        if (!user.externalIds().isEmpty()) {
            node.put("externalId", user.externalIds().get(0).id());
        }
        node.put("userName", user.userName());
        node.putObject("name")
                .put("formatted", (user.givenName() + " " + user.familyName()).trim())
                .put("familyName", user.familyName())
                .put("givenName", user.givenName());
        node.put("displayName", user.displayName()).put("active", user.enabled());
        ArrayNode emails = node.putArray("emails");
        for (SsoEmail email : user.emails()) {
            emails.addObject()
                    .put("value", email.value())
                    .put("type", email.type())
                    .put("primary", email.primary());
        }
        node.putObject("meta").put("resourceType", "User");
        return node;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static Integer integer(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static void error(HttpExchange exchange, int status, String scimType, String detail) throws IOException {
        ObjectNode body = JsonReplies.object();
        body.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:Error");
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail).put("status", String.valueOf(status));
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
