package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Typed reads of one JSON 1.1 request body. A missing required member fails with the service's own validation
 * code, as AWS rejects such requests before they reach the operation.
 */
record JsonRequest(JsonNode body, String validationCode) {
    JsonRequest {
        body = body == null || body.isNull() ? MissingNode.getInstance() : body;
        requireNonNull(validationCode, "validationCode is null");
    }

    String required(String member) {
        String value = optional(member);
        if (value == null || value.isEmpty()) {
            throw new AwsFault(
                    400,
                    validationCode,
                    "1 validation error detected: Value null at '" + lowerFirst(member)
                            + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    /** The member as text, or {@code null} when absent. */
    String optional(String member) {
        JsonNode node = body.path(member);
        return node.isValueNode() && !node.isNull() ? node.asText() : null;
    }

    Integer optionalInt(String member) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.canConvertToInt()) {
            throw new AwsFault(400, validationCode, member + " must be an integer");
        }
        return node.asInt();
    }

    /** An epoch-seconds timestamp (the SDK sends fractional seconds), or {@code null} when absent. */
    Instant optionalInstant(String member) {
        JsonNode node = body.path(member);
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            throw new AwsFault(400, validationCode, member + " must be a timestamp in epoch seconds");
        }
        BigDecimal seconds = node.decimalValue();
        long whole = seconds.longValue();
        long nanos =
                seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** A nested object member; absent members read as an empty request. */
    JsonRequest object(String member) {
        return new JsonRequest(body.path(member), validationCode);
    }

    JsonNode node(String member) {
        return body.path(member);
    }

    private static String lowerFirst(String member) {
        return Character.toLowerCase(member.charAt(0)) + member.substring(1);
    }
}
