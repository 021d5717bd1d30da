package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.permissions.PermissionCatalog;
import dev.baton.aws.connector.permissions.PermissionFeatures;
import dev.baton.aws.connector.permissions.RequiredPermissions;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton-aws policy} and {@code baton-aws check} as a user runs them. */
class PolicyAndCheckCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] ORGANIZATION = {
        "--global-aws-orgs-enabled", "--global-aws-sso-enabled", "--global-aws-cross-account-iam-enabled"
    };

    @TempDir
    Path dir;

    @Test
    void policyPrintsTheCatalogsActionsForTheFlags() throws Exception {
        CliRun run = CliRun.run(
                dir,
                Map.of(),
                args(
                        "policy",
                        "--sync-secrets",
                        "-p",
                        "--role-arn",
                        "arn:aws:iam::123456789012:role/Baton",
                        "--trusted-principal",
                        "arn:aws:iam::210987654321:root",
                        "--external-id",
                        "abc"));
        assertEquals(0, run.exitCode(), run.err());
        JsonNode json = JSON.readTree(run.out());
        RequiredPermissions required = PermissionCatalog.required(new PermissionFeatures(
                new OrganizationConfig(true, true, true, "us-east-1", "OrganizationAccountAccessRole"),
                new SyncScope(Set.of(), true, false, false, 30, true, ScimConfig.disabled()),
                true,
                "iam_user"));
        Set<String> actions = new TreeSet<>();
        json.path("connectorRole")
                .path("permissionsPolicy")
                .path("Statement")
                .forEach(statement -> statement.path("Action").forEach(action -> actions.add(action.asText())));
        assertEquals(new TreeSet<>(RequiredPermissions.actions(required.connectorRole())), actions);
        assertEquals(
                "arn:aws:iam::123456789012:role/Baton",
                json.path("memberAccountRole")
                        .path("trustPolicy")
                        .path("Statement")
                        .get(0)
                        .path("Principal")
                        .path("AWS")
                        .asText());
        assertEquals("Baton", json.path("connectorRole").path("name").asText());
    }

    @Test
    void policyRendersTerraformAndCloudFormation() {
        CliRun terraform = CliRun.run(dir, Map.of(), args("policy", "-o", "terraform"));
        assertEquals(0, terraform.exitCode(), terraform.err());
        assertTrue(terraform.out().contains("resource \"aws_iam_role\" \"baton_connector\""), terraform.out());
        CliRun cloudFormation = CliRun.run(dir, Map.of(), "policy", "-o", "cloudformation");
        assertEquals(0, cloudFormation.exitCode(), cloudFormation.err());
        assertTrue(cloudFormation.out().contains("AWS::IAM::Role"), cloudFormation.out());
        assertFalse(cloudFormation.out().contains("StackSet"), "no member accounts without Organizations");
    }

    @Test
    void badPolicyFlagsAreUsageErrors() {
        CliRun format = CliRun.run(dir, Map.of(), "policy", "-o", "yaml");
        assertEquals(2, format.exitCode(), format.err());
        assertTrue(format.err().contains("--output") || format.err().contains("-o"), format.err());
        CliRun sso = CliRun.run(dir, Map.of(), "policy", "--global-aws-sso-enabled");
        assertEquals(2, sso.exitCode(), sso.err());
        assertTrue(sso.err().contains("--global-aws-orgs-enabled"), sso.err());
    }

    @Test
    void policyAndCheckReadTheProvisioningFlagsAlike() {
        for (String command : List.of("policy", "check")) {
            CliRun bad = CliRun.run(dir, Map.of(), command, "-p", "--create-account-resource-type", "admin");
            assertEquals(2, bad.exitCode(), command + ": " + bad.err());
            assertEquals(
                    List.of("baton-aws: --create-account-resource-type (BATON_CREATE_ACCOUNT_RESOURCE_TYPE):"
                            + " 'admin' is not one of iam_user, sso_user"),
                    bad.err().lines().toList(),
                    command);
            CliRun help = CliRun.run(dir, Map.of(), command, "--help");
            assertTrue(
                    help.out().contains("--create-account-resource-type=iam_user|sso_user")
                            && help.out().contains("-p, --provisioning[=true|false]"),
                    help.out());
        }
        CliRun empty = CliRun.run(dir, Map.of(), "policy", "-p", "--create-account-resource-type", "");
        CliRun iamUser = CliRun.run(dir, Map.of(), "policy", "-p", "--create-account-resource-type", "iam_user");
        assertEquals(0, empty.exitCode(), empty.err());
        assertEquals(iamUser.out(), empty.out(), "an empty type means iam_user, as for the sync");
        assertTrue(iamUser.out().contains("iam:CreateUser"), iamUser.out());
        CliRun sso = CliRun.run(dir, Map.of(), args("policy", "-p", "--create-account-resource-type", "sso_user"));
        assertTrue(sso.out().contains("identitystore:CreateUser") && !sso.out().contains("iam:CreateUser"), sso.out());
        assertFalse(CliRun.run(dir, Map.of(), "policy").out().contains("iam:CreateUser"), "no writes without -p");
    }

    @Test
    void checkReportsTheDeniedActionsAndExitsOne() throws Exception {
        List<String> denied = List.of("iam:GetAccountAuthorizationDetails", "sso:ListPermissionSets");
        try (SimulatorExtension aws = simulator(denied)) {
            Result table = check(aws);
            assertEquals(1, table.exitCode(), table.err());
            assertTrue(
                    table.out()
                            .lines()
                            .anyMatch(line -> line.startsWith("iam:GetAccountAuthorizationDetails")
                                    && line.contains("111122223333")
                                    && line.contains("denied (AccessDenied)")),
                    table.out());
            assertTrue(table.out().contains("2 permission(s) denied"), table.out());
            Result json = check(aws, "-o", "json");
            assertEquals(1, json.exitCode(), json.err());
            JsonNode report = JSON.readTree(json.out());
            assertFalse(report.path("ok").asBoolean());
            List<String> reported = new ArrayList<>();
            report.path("permissions").forEach(row -> {
                if (row.path("status").asText().equals("denied")) {
                    reported.add(row.path("permission").asText());
                }
            });
            assertEquals(denied, reported);
        }
    }

    @Test
    void checkExitsZeroWhenEverythingIsGranted() {
        try (SimulatorExtension aws = simulator(List.of())) {
            Result table = check(aws);
            assertEquals(0, table.exitCode(), table.err() + table.out());
            assertTrue(table.out().contains("all probed permissions granted"), table.out());
            assertTrue(table.out().contains("222233334444"), "member accounts are checked: " + table.out());
        }
    }

    private static String[] args(String... first) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(ORGANIZATION));
        return all.toArray(String[]::new);
    }

    /** The demo organization whose connector role has {@code denied} in its deny list. */
    private static SimulatorExtension simulator(List<String> denied) {
        return SimulatorExtension.ofJson(DemoWorld.json())
                .edit(tree -> {
                    for (JsonNode account : tree.path("accounts")) {
                        for (JsonNode role : account.path("iam").path("roles")) {
                            if (role.path("name").asText().equals("BatonConnector")) {
                                ArrayNode deny = ((ObjectNode) role).putArray("deny");
                                denied.forEach(deny::add);
                            }
                        }
                    }
                })
                .systemClock()
                .withoutScim()
                .start();
    }

    private record Result(int exitCode, String out, String err) {}

    private Result check(SimulatorExtension aws, String... extra) {
        ConnectionFacts facts = aws.facts();
        List<String> all = new ArrayList<>(List.of(
                "check",
                "--global-access-key-id",
                facts.accessKeyId(),
                "--global-secret-access-key",
                facts.secretAccessKey().value(),
                "--global-region",
                facts.region(),
                "--role-arn",
                facts.roleArn(),
                "--external-id",
                facts.externalId()));
        all.addAll(List.of(ORGANIZATION));
        all.addAll(List.of(extra));
        Wiring wiring = new Wiring() {
            @Override
            public SyncRunner syncRunner() {
                throw new AssertionError("check runs no sync");
            }

            @Override
            public Function<String, Set<dev.baton.aws.proto.c1.connector.v2.Capability>> writeCapabilities() {
                return type -> Set.of();
            }

            @Override
            public AwsClientSettings awsClientSettings(Clock clock) {
                return AwsClientSettings.endpoint(aws.endpoint(), clock);
            }
        };
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                wiring,
                new ProcessContext(Map.of(), dir),
                new PrintWriter(out),
                new PrintWriter(err),
                all.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }
}
