package dev.baton.aws.simulator.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON node that knows its path in the world file, so every problem is reported as
 * {@code $.accounts[2].iam.users[0].name: required string is missing}. A JSON {@code null} counts as absent.
 */
record WorldNode(JsonNode node, String path) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static WorldNode root(JsonNode node) {
        return new WorldNode(node, "$");
    }

    WorldFileException error(String problem) {
        return new WorldFileException(path, problem);
    }

    WorldNode field(String name) {
        JsonNode child = node.isObject() ? node.get(name) : null;
        return new WorldNode(child == null ? MissingNode.getInstance() : child, path + "." + name);
    }

    boolean absent() {
        return node.isMissingNode() || node.isNull();
    }

    WorldNode requireObject() {
        if (!node.isObject()) {
            throw error(absent() ? "required object is missing" : "expected an object, found " + kind());
        }
        return this;
    }

    String requiredString(String name) {
        WorldNode child = field(name);
        if (child.absent()) {
            throw child.error("required string is missing");
        }
        return child.asText();
    }

    String string(String name, String defaultValue) {
        WorldNode child = field(name);
        return child.absent() ? defaultValue : child.asText();
    }

    private String asText() {
        if (!node.isTextual()) {
            throw error("expected a string, found " + kind());
        }
        return node.textValue();
    }

    long longValue(String name, long defaultValue) {
        WorldNode child = field(name);
        if (child.absent()) {
            return defaultValue;
        }
        if (!child.node.isIntegralNumber()) {
            throw child.error("expected an integer, found " + child.kind());
        }
        return child.node.longValue();
    }

    double doubleValue(String name, double defaultValue) {
        WorldNode child = field(name);
        if (child.absent()) {
            return defaultValue;
        }
        if (!child.node.isNumber()) {
            throw child.error("expected a number, found " + child.kind());
        }
        return child.node.doubleValue();
    }

    boolean booleanValue(String name, boolean defaultValue) {
        WorldNode child = field(name);
        if (child.absent()) {
            return defaultValue;
        }
        if (!child.node.isBoolean()) {
            throw child.error("expected true or false, found " + child.kind());
        }
        return child.node.booleanValue();
    }

    /** An ISO-8601 instant, or {@code defaultValue} (which may be null) when absent. */
    Instant instant(String name, Instant defaultValue) {
        WorldNode child = field(name);
        if (child.absent()) {
            return defaultValue;
        }
        String text = child.asText();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw child.error("expected an ISO-8601 timestamp like 2024-01-01T00:00:00Z, found '" + text + "'");
        }
    }

    /** The elements of an array field; an absent field is an empty list. */
    List<WorldNode> list(String name) {
        WorldNode child = field(name);
        if (child.absent()) {
            return List.of();
        }
        if (!child.node.isArray()) {
            throw child.error("expected an array, found " + child.kind());
        }
        List<WorldNode> result = new ArrayList<>();
        for (int i = 0; i < child.node.size(); i++) {
            result.add(new WorldNode(child.node.get(i), child.path + "[" + i + "]"));
        }
        return result;
    }

    List<String> stringList(String name) {
        return list(name).stream().map(WorldNode::asText).toList();
    }

    /** An object field as ordered entries; an absent field is empty. */
    Map<String, WorldNode> entries(String name) {
        WorldNode child = field(name);
        if (child.absent()) {
            return Map.of();
        }
        child.requireObject();
        Map<String, WorldNode> result = new LinkedHashMap<>();
        child.node.fieldNames().forEachRemaining(key -> result.put(key, child.field(key)));
        return result;
    }

    Map<String, String> stringMap(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        entries(name).forEach((key, value) -> result.put(key, value.asText()));
        return result;
    }

    /** A policy document: a JSON object, or a string holding one (as AWS APIs take it). */
    JsonNode document() {
        if (node.isObject()) {
            return node;
        }
        if (node.isTextual()) {
            try {
                JsonNode parsed = JSON.readTree(node.textValue());
                if (parsed != null && parsed.isObject()) {
                    return parsed;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw error("policy document string is not valid JSON");
            }
        }
        throw error("expected a policy document object, found " + kind());
    }

    Optional<JsonNode> optionalDocument(String name) {
        WorldNode child = field(name);
        return child.absent() ? Optional.empty() : Optional.of(child.document());
    }

    Map<String, JsonNode> documentMap(String name) {
        Map<String, JsonNode> result = new LinkedHashMap<>();
        entries(name).forEach((key, value) -> result.put(key, value.document()));
        return result;
    }

    String kind() {
        if (absent()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
