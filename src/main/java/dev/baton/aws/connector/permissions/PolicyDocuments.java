package dev.baton.aws.connector.permissions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM policy documents for {@link RequiredPermissions}: the permissions policy of each role (one statement for
 * reads, one for writes, one per scoped resource) and the trust policies. Trust values are passed as JSON so the
 * Terraform and CloudFormation renderers can put references where the JSON form has literals.
 */
public final class PolicyDocuments {
    static final ObjectMapper JSON = new ObjectMapper();

    private PolicyDocuments() {}

    public static ObjectNode permissionsPolicy(List<Permission> permissions) {
        Map<String, ArrayNode> statements = new LinkedHashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        for (Permission permission : permissions) {
            String sid = sid(permission);
            resources.put(sid, permission.resource());
            statements.computeIfAbsent(sid, key -> JSON.createArrayNode()).add(permission.action());
        }
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode statementList = policy.putArray("Statement");
        for (String sid : List.of("BatonAwsRead", "BatonAwsWrite", "BatonAwsAssumeMemberAccountRole")) {
            if (statements.containsKey(sid)) {
                ObjectNode statement = statementList.addObject().put("Sid", sid).put("Effect", "Allow");
                statement.set("Action", statements.get(sid));
                statement.put("Resource", resources.get(sid));
            }
        }
        return policy;
    }

    private static String sid(Permission permission) {
        if (!permission.resource().equals("*")) {
            return "BatonAwsAssumeMemberAccountRole";
        }
        return permission.write() ? "BatonAwsWrite" : "BatonAwsRead";
    }

    /**
     * {@code sts:AssumeRole} for {@code principal}, with {@code StringEquals sts:ExternalId} when
     * {@code externalId} is not null.
     */
    public static ObjectNode trustPolicy(JsonNode principal, JsonNode externalId) {
        ObjectNode policy = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode statement = policy.putArray("Statement").addObject().put("Effect", "Allow");
        statement.putObject("Principal").set("AWS", principal);
        statement.put("Action", "sts:AssumeRole");
        if (externalId != null) {
            statement.putObject("Condition").putObject("StringEquals").set("sts:ExternalId", externalId);
        }
        return policy;
    }

    /** The connector role's trust policy with the literal principal and external id of {@code setup}. */
    public static ObjectNode connectorTrustPolicy(RoleSetup setup) {
        return trustPolicy(
                JSON.getNodeFactory().textNode(setup.trustedPrincipal()),
                setup.externalId().isEmpty() ? null : JSON.getNodeFactory().textNode(setup.externalId()));
    }

    /** Member-account roles trust the connector role itself; the connector sends no external id on that hop. */
    public static ObjectNode memberTrustPolicy(RoleSetup setup) {
        return trustPolicy(JSON.getNodeFactory().textNode(setup.connectorRoleArn()), null);
    }

    /** {@code baton-aws policy -o json}: both roles and the table behind them. */
    public static ObjectNode describe(RequiredPermissions required, RoleSetup setup) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode connector = root.putObject("connectorRole")
                .put("name", setup.connectorRoleName())
                .put("arn", setup.connectorRoleArn());
        connector.set("trustPolicy", connectorTrustPolicy(setup));
        connector.set("permissionsPolicy", permissionsPolicy(required.connectorRole()));
        if (required.hasChildRole()) {
            ObjectNode member = root.putObject("memberAccountRole").put("name", required.childRoleName());
            member.set("trustPolicy", memberTrustPolicy(setup));
            member.set("permissionsPolicy", permissionsPolicy(required.childRole()));
        }
        ArrayNode table = root.putArray("permissions");
        addRows(table, "connector", required.connectorRole());
        addRows(table, "member-account", required.childRole());
        return root;
    }

    private static void addRows(ArrayNode table, String role, List<Permission> permissions) {
        for (Permission permission : permissions) {
            table.addObject()
                    .put("role", role)
                    .put("action", permission.action())
                    .put("resource", permission.resource())
                    .put("access", permission.write() ? "write" : "read")
                    .put("withoutIt", permission.loss());
        }
    }
}
