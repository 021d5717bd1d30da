package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The way in for a connector, by the convention every built-in world follows: role {@code BatonConnector} in the
 * management account, trusting a user whose long-term key is in {@code credentials}, usually with an
 * {@code sts:ExternalId} condition. {@code externalId} is null when the trust policy sets none.
 */
public record ConnectorAccess(
        String accessKeyId, Secret secretAccessKey, String region, String roleArn, String externalId) {
    public static final String ROLE_NAME = "BatonConnector";

    public ConnectorAccess {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(region, "region is null");
        requireNonNull(roleArn, "roleArn is null");
    }

    /** The connector access of {@code world}, or empty when it does not follow the convention. */
    public static Optional<ConnectorAccess> find(World world) {
        String managementId = world.hasOrganization()
                ? world.organization().managementAccountId()
                : world.accounts().isEmpty() ? null : world.accounts().get(0).id();
        Optional<Account> management = managementId == null ? Optional.empty() : world.account(managementId);
        Optional<IamRole> role = management.flatMap(account -> account.iam().role(ROLE_NAME));
        if (role.isEmpty()) {
            return Optional.empty();
        }
        String region = world.hasIdentityCenter() ? world.identityCenter().region() : "us-east-1";
        List<String> trusted = new ArrayList<>();
        String externalId = null;
        for (JsonNode statement : statements(role.get().trustPolicy())) {
            if (!"Allow".equals(statement.path("Effect").asText())) {
                continue;
            }
            values(statement.path("Principal").path("AWS"), trusted);
            JsonNode condition =
                    statement.path("Condition").path("StringEquals").path("sts:ExternalId");
            List<String> ids = new ArrayList<>();
            values(condition, ids);
            externalId = ids.isEmpty() ? externalId : ids.get(0);
        }
        String roleArn = role.get().arn(managementId);
        String finalExternalId = externalId;
        return world.credentials().stream()
                .filter(credential -> world.account(credential.accountId())
                        .flatMap(account -> account.iam().user(credential.user()))
                        .map(user -> trusted.contains(user.arn(credential.accountId())))
                        .orElse(false))
                .findFirst()
                .map(credential -> new ConnectorAccess(
                        credential.accessKeyId(), credential.secretAccessKey(), region, roleArn, finalExternalId));
    }

    private static List<JsonNode> statements(JsonNode document) {
        List<JsonNode> result = new ArrayList<>();
        JsonNode statement = document.path("Statement");
        if (statement.isArray()) {
            statement.forEach(result::add);
        } else if (statement.isObject()) {
            result.add(statement);
        }
        return result;
    }

    private static void values(JsonNode node, List<String> into) {
        if (node.isTextual()) {
            into.add(node.textValue());
        } else if (node.isArray()) {
            node.forEach(element -> into.add(element.asText()));
        }
    }
}
