package dev.baton.aws.connector.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The three renderings of one flag combination (Organizations, Identity Center, member-account IAM, secrets,
 * provisioning) parse, grant exactly the actions of the JSON policy to each role, and match their golden files
 * ({@code -Dgolden.update=true} rewrites them after a deliberate change).
 */
class PolicyFormatsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/dev/baton/aws/connector/permissions");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final RoleSetup SETUP = new RoleSetup(
            "BatonConnector",
            "111111111111",
            "arn:aws:iam::999999999999:role/BatonRunner",
            "0123456789abcdef0123456789abcdef");
    private static final RequiredPermissions REQUIRED = PermissionCatalog.required(new PermissionFeatures(
            new OrganizationConfig(true, true, true, "us-east-1", "BatonMemberReadOnly"),
            new SyncScope(Set.of(), true, false, false, 30, true, ScimConfig.disabled()),
            true,
            "iam_user"));

    @Test
    void jsonNamesBothRolesAndTheirTrust() throws IOException {
        JsonNode json = PolicyDocuments.describe(REQUIRED, SETUP);
        assertEquals(
                new TreeSet<>(RequiredPermissions.actions(REQUIRED.connectorRole())),
                actions(json.path("connectorRole").path("permissionsPolicy")));
        assertEquals(
                new TreeSet<>(RequiredPermissions.actions(REQUIRED.childRole())),
                actions(json.path("memberAccountRole").path("permissionsPolicy")));
        JsonNode trust =
                json.path("connectorRole").path("trustPolicy").path("Statement").get(0);
        assertEquals(
                SETUP.trustedPrincipal(), trust.path("Principal").path("AWS").asText());
        assertEquals(
                SETUP.externalId(),
                trust.path("Condition")
                        .path("StringEquals")
                        .path("sts:ExternalId")
                        .asText());
        assertEquals(
                "arn:aws:iam::111111111111:role/BatonConnector",
                json.path("memberAccountRole")
                        .path("trustPolicy")
                        .path("Statement")
                        .get(0)
                        .path("Principal")
                        .path("AWS")
                        .asText());
        assertTrue(json.path("connectorRole")
                .path("permissionsPolicy")
                .toString()
                .contains("\"Resource\":\"arn:aws:iam::*:role/BatonMemberReadOnly\""));
        golden("policy.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }

    @Test
    void terraformGrantsTheSameActions() throws IOException {
        String terraform = TerraformTemplate.render(REQUIRED, SETUP);
        List<JsonNode> heredocs = heredocs(terraform);
        assertEquals(3, heredocs.size(), terraform);
        assertEquals(
                "${var.external_id}",
                heredocs.get(0)
                        .path("Statement")
                        .get(0)
                        .path("Condition")
                        .path("StringEquals")
                        .path("sts:ExternalId")
                        .asText());
        assertEquals(new TreeSet<>(RequiredPermissions.actions(REQUIRED.connectorRole())), actions(heredocs.get(1)));
        assertEquals(
                new TreeSet<>(RequiredPermissions.actions(REQUIRED.childRole())),
                actions(memberPolicy(heredocs.get(2))));
        golden("policy.tf", terraform);
    }

    @Test
    void cloudFormationGrantsTheSameActions() throws IOException {
        String yaml = CloudFormationTemplate.render(REQUIRED, SETUP);
        JsonNode template = YAML.readTree(yaml);
        assertEquals("2010-09-09", template.path("AWSTemplateFormatVersion").textValue());
        JsonNode role = template.path("Resources").path("BatonConnectorRole").path("Properties");
        assertEquals(
                new TreeSet<>(RequiredPermissions.actions(REQUIRED.connectorRole())),
                actions(role.path("Policies").get(0).path("PolicyDocument")));
        assertEquals(
                "ExternalId",
                role.path("AssumeRolePolicyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Condition")
                        .path("StringEquals")
                        .path("sts:ExternalId")
                        .path("Ref")
                        .asText());
        JsonNode stackSet =
                template.path("Resources").path("BatonMemberAccountRoles").path("Properties");
        assertEquals("SERVICE_MANAGED", stackSet.path("PermissionModel").asText());
        JsonNode member = JSON.readTree(stackSet.path("TemplateBody").asText());
        assertEquals(new TreeSet<>(RequiredPermissions.actions(REQUIRED.childRole())), actions(memberPolicy(member)));
        golden("policy.yaml", yaml);
    }

    @Test
    void withoutMemberAccountsThereIsNoMemberRoleAnywhere() throws IOException {
        RequiredPermissions standalone = PermissionCatalog.required(new PermissionFeatures(
                new OrganizationConfig(false, false, false, "us-east-1", "OrganizationAccountAccessRole"),
                new SyncScope(Set.of(), false, false, false, 30, true, ScimConfig.disabled()),
                false,
                "iam_user"));
        assertFalse(standalone.hasChildRole());
        assertFalse(PolicyDocuments.describe(standalone, SETUP).has("memberAccountRole"));
        assertFalse(TerraformTemplate.render(standalone, SETUP).contains("stack_set"));
        assertFalse(YAML.readTree(CloudFormationTemplate.render(standalone, SETUP))
                .path("Resources")
                .has("BatonMemberAccountRoles"));
        assertFalse(RequiredPermissions.actions(standalone.connectorRole()).contains("sts:AssumeRole"));
        assertTrue(standalone.connectorRole().stream().noneMatch(Permission::write));
    }

    private static JsonNode memberPolicy(JsonNode memberTemplate) {
        return memberTemplate
                .path("Resources")
                .path("BatonMemberAccountRole")
                .path("Properties")
                .path("Policies")
                .get(0)
                .path("PolicyDocument");
    }

    private static Set<String> actions(JsonNode policy) {
        Set<String> actions = new TreeSet<>();
        for (JsonNode statement : policy.path("Statement")) {
            statement.path("Action").forEach(action -> assertTrue(actions.add(action.asText()), "twice: " + action));
        }
        return actions;
    }

    private static List<JsonNode> heredocs(String terraform) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        Matcher heredoc =
                Pattern.compile("<<-EOT\n(.*?)\n\\s*EOT\n", Pattern.DOTALL).matcher(terraform);
        while (heredoc.find()) {
            documents.add(JSON.readTree(heredoc.group(1)));
        }
        return documents;
    }

    private static void golden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name + " differs from its golden file");
    }
}
