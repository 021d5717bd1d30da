package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.aws.Arn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** A role's trust policy: who may assume the role, and what kind of non-human identity that makes it. */
record TrustPolicy(List<Statement> statements) {
    private static final ObjectMapper JSON = new ObjectMapper();

    TrustPolicy {
        statements = List.copyOf(requireNonNull(statements, "statements is null"));
    }

    /** @param principals principal kind ({@code AWS}, {@code Service}, {@code Federated}) to values */
    record Statement(String effect, List<String> actions, Map<String, List<String>> principals) {
        Statement {
            requireNonNull(effect, "effect is null");
            actions = List.copyOf(actions);
            principals = Map.copyOf(principals);
        }

        boolean allowsAssumeRole() {
            return effect.equals("Allow") && actions.stream().anyMatch(a -> a.startsWith("sts:AssumeRole"));
        }

        /** Upstream's grant rule: Allow and the exact action {@code sts:AssumeRole}. */
        boolean strict() {
            return effect.equals("Allow") && actions.contains("sts:AssumeRole");
        }

        List<String> principals(String kind) {
            return principals.getOrDefault(kind, List.of());
        }
    }

    /** The NHI classification kept in the role profile (CLI-legacy cannot read NonHumanIdentityTrait). */
    record Nhi(String type, String detail) {}

    static final Nhi SERVICE_LINKED = new Nhi("NHI_TYPE_MANAGED_IDENTITY", "aws.service_linked_role");
    static final Nhi PLAIN_ROLE = new Nhi("NHI_TYPE_ASSUMABLE_ROLE", "aws.role");

    /** Parses a decoded policy document; throws IllegalArgumentException when it is not a policy. */
    static TrustPolicy parse(String document) {
        JsonNode root;
        try {
            root = JSON.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("trust policy is not JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("trust policy is not a JSON object");
        }
        List<Statement> statements = new ArrayList<>();
        for (JsonNode statement : nodes(root.get("Statement"))) {
            statements.add(new Statement(
                    statement.path("Effect").asText(""),
                    strings(statement.get("Action")),
                    principals(statement.get("Principal"))));
        }
        return new TrustPolicy(statements);
    }

    /** ARNs of IAM users and roles that may assume the role (the role trust grants); other principals are not grantable. */
    List<String> assumingPrincipals() {
        List<String> arns = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement.strict()) {
                statement.principals("AWS").stream()
                        .filter(TrustPolicy::isUserOrRole)
                        .forEach(arns::add);
            }
        }
        return arns;
    }

    /**
     * The principals trusted to assume the role that are not users or roles (account roots, {@code *}, services,
     * federated providers), as {@code <kind>:<value>}, sorted. Upstream drops these; reviewers want them.
     */
    List<String> otherTrustedPrincipals() {
        TreeSet<String> others = new TreeSet<>();
        for (Statement statement : statements) {
            if (!statement.allowsAssumeRole()) {
                continue;
            }
            statement
                    .principals()
                    .forEach((kind, values) -> values.stream()
                            .filter(value -> !(kind.equals("AWS") && statement.strict() && isUserOrRole(value)))
                            .forEach(value -> others.add(kind + ":" + value)));
        }
        return List.copyOf(others);
    }

    /** The upstream connector's first-match classification of non-human identities. */
    static Nhi classify(String rolePath, String roleArn, String trustDocument) {
        if (rolePath.startsWith("/aws-service-role/")) {
            return SERVICE_LINKED;
        }
        if (trustDocument.isEmpty()) {
            return PLAIN_ROLE;
        }
        TrustPolicy policy;
        try {
            policy = parse(trustDocument);
        } catch (IllegalArgumentException e) {
            return PLAIN_ROLE;
        }
        return policy.classify(Arn.isArn(roleArn) ? Arn.parse(roleArn).accountId() : "");
    }

    private Nhi classify(String roleAccount) {
        List<Statement> assuming =
                statements.stream().filter(Statement::allowsAssumeRole).toList();
        TreeSet<String> services = new TreeSet<>();
        assuming.forEach(s -> s.principals("Service").forEach(service -> services.add(serviceName(service))));
        if (!services.isEmpty()) {
            return new Nhi(PLAIN_ROLE.type(), "aws.role." + services.first());
        }
        List<String> federated = assuming.stream()
                .flatMap(s -> s.principals("Federated").stream())
                .toList();
        if (!federated.isEmpty()) {
            for (String provider : federated) {
                if (provider.contains(":oidc-provider/")) {
                    return new Nhi(PLAIN_ROLE.type(), "aws.role.oidc");
                }
                if (provider.contains(":saml-provider/")) {
                    return new Nhi(PLAIN_ROLE.type(), "aws.role.saml");
                }
            }
            return new Nhi(PLAIN_ROLE.type(), "aws.role.federated");
        }
        boolean crossAccount = assuming.stream()
                .flatMap(s -> s.principals("AWS").stream())
                .filter(Arn::isArn)
                .anyMatch(arn -> !Arn.parse(arn).accountId().equals(roleAccount));
        return crossAccount ? new Nhi(PLAIN_ROLE.type(), "aws.role.cross_account") : PLAIN_ROLE;
    }

    private static String serviceName(String service) {
        int dot = service.indexOf('.');
        return (dot < 0 ? service : service.substring(0, dot))
                .toLowerCase(Locale.ROOT)
                .replace('-', '_');
    }

    private static boolean isUserOrRole(String principal) {
        if (!Arn.isArn(principal)) {
            return false;
        }
        String resource = Arn.parse(principal).resource();
        return resource.startsWith("user/") || resource.startsWith("role/");
    }

    private static Map<String, List<String>> principals(JsonNode node) {
        Map<String, List<String>> principals = new LinkedHashMap<>();
        if (node == null) {
            return principals;
        }
        if (node.isTextual()) {
            principals.put("AWS", List.of(node.asText())); // "Principal": "*"
            return principals;
        }
        for (var field : node.properties()) {
            List<String> values = strings(field.getValue());
            if (!values.isEmpty()) {
                principals.put(field.getKey(), values);
            }
        }
        return principals;
    }

    private static List<JsonNode> nodes(JsonNode node) {
        List<JsonNode> nodes = new ArrayList<>();
        if (node == null) {
            return nodes;
        }
        if (node.isArray()) {
            node.forEach(nodes::add);
        } else if (node.isObject()) {
            nodes.add(node);
        }
        return nodes;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (node.isTextual()) {
            if (!node.asText().isEmpty()) {
                values.add(node.asText());
            }
        } else if (node.isArray()) {
            node.forEach(item -> {
                if (item.isTextual() && !item.asText().isEmpty()) {
                    values.add(item.asText());
                }
            });
        }
        return values;
    }
}
