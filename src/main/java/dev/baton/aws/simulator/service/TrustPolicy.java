package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a role's trust policy for {@code sts:AssumeRole}, the subset of IAM policy logic the simulator
 * promises (simulator-world.md): Allow/Deny statements, Action {@code sts:AssumeRole}/{@code sts:*}/{@code *},
 * {@code Principal.AWS} by ARN, account root, bare account id or {@code *}, and a {@code StringEquals} condition on
 * {@code sts:ExternalId}. A statement with any other condition never applies, so unsupported policies fail closed.
 */
final class TrustPolicy {
    private static final String ACTION = "sts:AssumeRole";

    private final JsonNode document;

    TrustPolicy(JsonNode document) {
        this.document = requireNonNull(document, "document is null");
    }

    /**
     * True when an Allow statement matches and no Deny does. {@code principalArns} are every ARN the caller
     * counts as (user ARN; or role ARN and assumed-role ARN); {@code externalId} may be null.
     */
    boolean allows(String callerAccountId, List<String> principalArns, String externalId) {
        boolean allowed = false;
        for (JsonNode statement : statements()) {
            if (!applies(statement, callerAccountId, principalArns, externalId)) {
                continue;
            }
            if ("Deny".equals(statement.path("Effect").asText())) {
                return false;
            }
            allowed |= "Allow".equals(statement.path("Effect").asText());
        }
        return allowed;
    }

    private List<JsonNode> statements() {
        JsonNode statement = document.path("Statement");
        List<JsonNode> result = new ArrayList<>();
        if (statement.isArray()) {
            statement.forEach(result::add);
        } else if (statement.isObject()) {
            result.add(statement);
        }
        return result;
    }

    private static boolean applies(JsonNode statement, String accountId, List<String> arns, String externalId) {
        return values(statement.path("Action")).stream().anyMatch(pattern -> Caller.matches(pattern, ACTION))
                && principalMatches(statement.path("Principal"), accountId, arns)
                && conditionHolds(statement.path("Condition"), externalId);
    }

    private static boolean principalMatches(JsonNode principal, String accountId, List<String> arns) {
        if (principal.isTextual()) {
            return principal.textValue().equals("*");
        }
        for (String value : values(principal.path("AWS"))) {
            if (value.equals("*") || value.equals(accountId) || value.equals("arn:aws:iam::" + accountId + ":root")
                    || arns.contains(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionHolds(JsonNode condition, String externalId) {
        if (condition.isMissingNode() || condition.isNull() || condition.isEmpty()) {
            return true;
        }
        for (Map.Entry<String, JsonNode> operator : iterable(condition)) {
            if (!operator.getKey().equals("StringEquals")) {
                return false;
            }
            for (Map.Entry<String, JsonNode> key : iterable(operator.getValue())) {
                if (!key.getKey().equalsIgnoreCase("sts:ExternalId") || externalId == null
                        || !values(key.getValue()).contains(externalId)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return new ArrayList<>(object.properties());
    }

    /** A policy value that may be one string or an array of strings. */
    private static List<String> values(JsonNode node) {
        List<String> result = new ArrayList<>();
        if (node.isTextual()) {
            result.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(element -> result.add(element.asText()));
        }
        return result;
    }
}
