package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** Builders for JSON 1.1 reply bodies: members AWS leaves out are omitted, timestamps are epoch seconds. */
final class JsonReplies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonReplies() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    /** Puts {@code value} unless it is {@code null}: AWS omits members it has no value for. */
    static ObjectNode putIfPresent(ObjectNode node, String member, String value) {
        if (value != null) {
            node.put(member, value);
        }
        return node;
    }

    /** JSON 1.1 timestamps are epoch seconds as a number, with milliseconds as the fraction. */
    static ObjectNode putTime(ObjectNode node, String member, Instant time) {
        if (time != null) {
            node.put(member, BigDecimal.valueOf(time.toEpochMilli()).movePointLeft(3));
        }
        return node;
    }

    static <T> ArrayNode array(List<T> items, Function<T, ? extends JsonNode> mapper) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(item -> array.add(mapper.apply(item)));
        return array;
    }

    /** A list reply: {@code {"<member>": [...], "NextToken": "..."}} with the token only when more pages exist. */
    static <T> ObjectNode page(String member, ResultSlice<T> slice, Function<T, ? extends JsonNode> mapper) {
        ObjectNode reply = object();
        reply.set(member, array(slice.items(), mapper));
        return putIfPresent(reply, "NextToken", slice.nextToken());
    }
}
