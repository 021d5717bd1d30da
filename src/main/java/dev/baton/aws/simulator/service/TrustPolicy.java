package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates a role's trust policy for {@code sts:AssumeRole}, the subset of IAM policy logic the simulator
 * promises (docs/simulator.md): Allow/Deny statements, Action {@code sts:AssumeRole}/{@code sts:*}/{@code *},
 * {@code Principal.AWS} by ARN, account root, bare account id or {@code *}, and a {@code StringEquals} condition on
 * {@code sts:ExternalId}; for web identities {@code Principal.Federated} and conditions on the token's claims. A
 * statement with any other condition never applies, so unsupported policies fail closed.
 */
final class TrustPolicy {
    private static final String ACTION = "sts:AssumeRole";
    private static final String WEB_IDENTITY_ACTION = "sts:AssumeRoleWithWebIdentity";

    private final JsonNode document;

    TrustPolicy(JsonNode document) {
        this.document = requireNonNull(document, "document is null");
    }

    /**
     * True when an Allow statement matches and no Deny does. {@code principalArns} are every ARN the caller
     * counts as (user ARN; or role ARN and assumed-role ARN); {@code externalId} may be null.
     */
    boolean allows(String callerAccountId, List<String> principalArns, String externalId) {
        return evaluate(statement -> applies(statement, callerAccountId, principalArns, externalId));
    }

    /**
     * The same evaluation for {@code sts:AssumeRoleWithWebIdentity}: the statement's {@code Principal.Federated}
     * names the OIDC provider's ARN, and its {@code StringEquals}/{@code StringLike} conditions test the token's
     * claims under the provider's keys ({@code <host>:sub}, {@code <host>:aud}), given in {@code claims}.
     */
    boolean allowsWebIdentity(String providerArn, Map<String, String> claims) {
        return evaluate(statement -> actionMatches(statement, WEB_IDENTITY_ACTION)
                && values(statement.path("Principal").path("Federated")).contains(providerArn)
                && claimConditionsHold(statement.path("Condition"), claims));
    }

    /** True when an applying Allow statement exists and no applying Deny does. */
    private boolean evaluate(Predicate<JsonNode> applies) {
        boolean allowed = false;
        for (JsonNode statement : statements()) {
            if (!applies.test(statement)) {
                continue;
            }
            if ("Deny".equals(statement.path("Effect").asText())) {
                return false;
            }
            allowed |= "Allow".equals(statement.path("Effect").asText());
        }
        return allowed;
    }

    private static boolean actionMatches(JsonNode statement, String action) {
        return values(statement.path("Action")).stream().anyMatch(pattern -> Caller.matches(pattern, action));
    }

    private static boolean claimConditionsHold(JsonNode condition, Map<String, String> claims) {
        for (Map.Entry<String, JsonNode> operator : iterable(condition)) {
            boolean like = operator.getKey().equals("StringLike");
            if (!like && !operator.getKey().equals("StringEquals")) {
                return false;
            }
            for (Map.Entry<String, JsonNode> key : iterable(operator.getValue())) {
                String claim = claims.entrySet().stream()
                        .filter(e -> e.getKey().equalsIgnoreCase(key.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse(null);
                if (claim == null
                        || values(key.getValue()).stream()
                                .noneMatch(value -> like ? Caller.matches(value, claim) : value.equals(claim))) {
                    return false;
                }
            }
        }
        return true;
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
        return actionMatches(statement, ACTION)
                && principalMatches(statement.path("Principal"), accountId, arns)
                && conditionHolds(statement.path("Condition"), externalId);
    }

    private static boolean principalMatches(JsonNode principal, String accountId, List<String> arns) {
        if (principal.isTextual()) {
            return principal.textValue().equals("*");
        }
        for (String value : values(principal.path("AWS"))) {
            if (value.equals("*")
                    || value.equals(accountId)
                    || value.equals("arn:aws:iam::" + accountId + ":root")
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
                if (!key.getKey().equalsIgnoreCase("sts:ExternalId")
                        || externalId == null
                        || !values(key.getValue()).contains(externalId)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object.isObject() ? new ArrayList<>(object.properties()) : List.of();
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
