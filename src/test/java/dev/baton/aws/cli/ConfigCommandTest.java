package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCommandTest {
    private static final List<String> UPSTREAM_FIELDS = List.of(
            "external-id",
            "global-access-key-id",
            "global-aws-orgs-enabled",
            "global-aws-sso-enabled",
            "global-aws-cross-account-iam-enabled",
            "global-aws-sso-region",
            "global-binding-external-id",
            "global-region",
            "global-role-arn",
            "global-secret-access-key",
            "role-arn",
            "use-assume",
            "sync-secrets",
            "iam-assume-role-name",
            "sync-sso-user-last-login",
            "sync-only-attached-policies",
            "create-account-resource-type");
    private static final List<String> OPS_FIELDS = List.of(
            "global-access-key-id",
            "global-binding-external-id",
            "global-region",
            "global-role-arn",
            "global-secret-access-key",
            "use-assume");

    @TempDir
    Path workingDirectory;

    private JsonNode schema(Map<String, String> environment) throws Exception {
        CliRun run = CliRun.run(workingDirectory, environment, "config");
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    private static JsonNode field(JsonNode schema, String name) {
        for (JsonNode field : schema.get("fields")) {
            if (field.get("name").asText().equals(name)) {
                return field;
            }
        }
        throw new AssertionError("no field " + name);
    }

    @Test
    void listsTheSeventeenConnectorFieldsInUpstreamOrder() throws Exception {
        JsonNode schema = schema(Map.of());

        List<String> names = new ArrayList<>();
        schema.get("fields").forEach(field -> names.add(field.get("name").asText()));
        assertEquals(UPSTREAM_FIELDS, names);
        for (JsonNode field : schema.get("fields")) {
            String name = field.get("name").asText();
            assertEquals(OPS_FIELDS.contains(name), field.get("isOps").asBoolean(), name);
            assertEquals(
                    name.equals("global-secret-access-key"),
                    field.get("isSecret").asBoolean(),
                    name);
            assertTrue(field.get("description").asText().length() > 10, name);
            assertTrue(field.has("stringField") || field.has("boolField"), name);
        }
        assertEquals("AWS", schema.get("displayName").asText());
        assertEquals("/docs/baton/aws-v2", schema.get("helpUrl").asText());
        assertEquals("/static/app-icons/aws.svg", schema.get("iconUrl").asText());
    }

    @Test
    void typesDefaultsAndAllowedValues() throws Exception {
        JsonNode schema = schema(Map.of());

        assertEquals(
                false,
                field(schema, "use-assume").get("boolField").get("defaultValue").asBoolean(true));
        assertEquals(
                "STRING_FIELD_TYPE_RANDOM",
                field(schema, "external-id").get("stringField").get("type").asText());
        assertEquals(
                "OrganizationAccountAccessRole",
                field(schema, "iam-assume-role-name")
                        .get("stringField")
                        .get("defaultValue")
                        .asText());
        JsonNode ssoRegion = field(schema, "global-aws-sso-region").get("stringField");
        assertEquals("us-east-1", ssoRegion.get("defaultValue").asText());
        List<String> regions = new ArrayList<>();
        ssoRegion.get("rules").get("in").forEach(region -> regions.add(region.asText()));
        assertEquals(SsoRegions.ALL, regions);
        assertEquals(
                "[\"iam_user\",\"sso_user\"]",
                field(schema, "create-account-resource-type")
                        .get("stringField")
                        .get("rules")
                        .get("in")
                        .toString());
        assertEquals(
                "Account Provisioning Target",
                field(schema, "create-account-resource-type").get("displayName").asText());
    }

    @Test
    void everyFieldHasItsOwnDisplayNameAndTheTwoRoleFlagsTheirOwnHelp() throws Exception {
        JsonNode schema = schema(Map.of());
        java.util.Set<String> displayNames = new java.util.HashSet<>();
        for (JsonNode field : schema.get("fields")) {
            String displayName = field.path("displayName").asText();
            assertTrue(!displayName.isBlank(), field.get("name").asText());
            assertTrue(displayNames.add(displayName), "repeated display name " + displayName);
        }
        assertEquals("Role ARN", field(schema, "role-arn").get("displayName").asText());
        assertEquals(
                "External ID", field(schema, "external-id").get("displayName").asText());
        assertTrue(!field(schema, "role-arn")
                .get("description")
                .equals(field(schema, "global-role-arn").get("description")));
    }

    @Test
    void twoDependentOnConstraints() throws Exception {
        JsonNode constraints = schema(Map.of()).get("constraints");

        assertEquals(2, constraints.size());
        assertEquals(
                "{\"kind\":\"CONSTRAINT_KIND_DEPENDENT_ON\",\"fieldNames\":[\"use-assume\"],"
                        + "\"secondaryFieldNames\":[\"role-arn\"]}",
                constraints.get(0).toString());
        assertEquals(
                "{\"kind\":\"CONSTRAINT_KIND_DEPENDENT_ON\",\"fieldNames\":"
                        + "[\"global-aws-cross-account-iam-enabled\"],\"secondaryFieldNames\":[\"global-aws-orgs-enabled\","
                        + "\"global-aws-sso-enabled\"]}",
                constraints.get(1).toString());
    }

    @Test
    void schemaIgnoresTheEnvironment() throws Exception {
        JsonNode schema = schema(Map.of("BATON_IAM_ASSUME_ROLE_NAME", "Other", "BATON_GLOBAL_SECRET_ACCESS_KEY", "k"));

        assertEquals(
                "OrganizationAccountAccessRole",
                field(schema, "iam-assume-role-name")
                        .get("stringField")
                        .get("defaultValue")
                        .asText());
        assertEquals(
                "",
                field(schema, "global-secret-access-key")
                        .get("stringField")
                        .get("defaultValue")
                        .asText());
    }
}
