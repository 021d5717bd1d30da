package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Valid flags become the RunConfig the runner receives. */
class RunConfigTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/Baton";

    @TempDir
    Path workingDirectory;

    private RunConfig configOf(String... args) {
        CliRun run = CliRun.run(workingDirectory, Map.of(), args);
        assertEquals(0, run.exitCode(), run.err());
        return run.config();
    }

    @Test
    void noFlagsSyncWithDefaults() {
        RunConfig config = configOf();

        assertEquals(new CredentialsConfig("", new Secret(""), "", "", "", "", new Secret("")), config.credentials());
        assertEquals(
                new OrganizationConfig(false, false, false, "us-east-1", "OrganizationAccountAccessRole"),
                config.organization());
        assertEquals(RateLimitConfig.defaults(), config.rateLimits());
        assertEquals(workingDirectory.resolve("sync.c1z"), config.output().file());
        assertEquals(8, config.output().workers());
        assertFalse(config.output().skipFullSync());
        assertTrue(config.provisioning().syncs());
        assertEquals("iam_user", config.provisioning().createAccountResourceType());
        SyncScope scope = config.scope();
        assertEquals(Set.of(), scope.resourceTypes());
        assertEquals(30, scope.lastLoginWindowDays());
        assertTrue(scope.fastPath());
        assertFalse(scope.scim().enabled());
    }

    @Test
    void roleArnAloneMeansAssume() {
        CredentialsConfig credentials =
                configOf("--role-arn", ROLE, "--external-id", "ext-123").credentials();

        assertTrue(credentials.assumesRole());
        assertFalse(credentials.twoHop());
        assertEquals(ROLE, credentials.roleArn());
        assertEquals("ext-123", credentials.externalId());
    }

    @Test
    void useAssumeIsAcceptedWithARole() {
        assertTrue(configOf("--use-assume", "--role-arn", ROLE).credentials().assumesRole());
        assertTrue(
                configOf("--use-assume=true", "--role-arn", ROLE).credentials().assumesRole());
    }

    @Test
    void twoHopModeWithLongExternalId() {
        String externalId = "x".repeat(32);
        CredentialsConfig credentials = configOf(
                        "--role-arn",
                        "arn:aws-us-gov:iam::123456789012:role/path/to/Baton",
                        "--global-role-arn",
                        "arn:aws:iam::765656841499:role/ConductorOneService",
                        "--external-id",
                        externalId,
                        "--global-binding-external-id",
                        "binding-id")
                .credentials();

        assertTrue(credentials.twoHop());
        assertEquals("binding-id", credentials.bindingExternalId().value());
    }

    @Test
    void staticKeysAndRegion() {
        CredentialsConfig credentials = configOf(
                        "--global-access-key-id",
                        "AKIAEXAMPLE",
                        "--global-secret-access-key",
                        "wJalrXUtnFEMI",
                        "--global-region",
                        "us-gov-west-1")
                .credentials();

        assertTrue(credentials.hasStaticKeys());
        assertEquals("us-gov-west-1", credentials.region());
    }

    @Test
    void organizationAndIdentityCenter() {
        RunConfig config = configOf(
                "--global-aws-orgs-enabled",
                "--global-aws-sso-enabled",
                "--global-aws-cross-account-iam-enabled",
                "--global-aws-sso-region",
                "eu-west-1",
                "--iam-assume-role-name",
                "BatonReader",
                "--scim-enabled",
                "--scim-endpoint",
                "https://scim.eu-west-1.amazonaws.com/abc/scim/v2",
                "--scim-token",
                "t0k3n",
                "--create-account-resource-type",
                "sso_user");

        assertEquals(new OrganizationConfig(true, true, true, "eu-west-1", "BatonReader"), config.organization());
        assertTrue(config.scope().scim().enabled());
        assertEquals("t0k3n", config.scope().scim().token().value());
        assertEquals("sso_user", config.provisioning().createAccountResourceType());
    }

    @Test
    void booleanFlagsAcceptExplicitValues() {
        RunConfig config = configOf(
                "--sync-secrets=true", "--sync-only-attached-policies", "false", "--no-fast-path", "--skip-full-sync");

        assertTrue(config.scope().syncSecrets());
        assertFalse(config.scope().onlyAttachedPolicies());
        assertFalse(config.scope().fastPath());
        assertTrue(config.output().skipFullSync());
    }

    @Test
    void scopeAndOutputFlags() {
        RunConfig config = configOf(
                "--sync-resource-types",
                "iam_user, role",
                "--sync-resource-types",
                "group",
                "--sync-sso-user-last-login",
                "--sso-last-login-days",
                "90",
                "-f",
                "x.c1z",
                "--workers",
                "64",
                "--rate-iam",
                "0",
                "--rate-identity-center",
                "2.5",
                "--rate-organizations",
                "1",
                "--rate-sts",
                "3",
                "--rate-cloudtrail",
                "0.5");

        assertEquals(Set.of("iam_user", "role", "group"), config.scope().resourceTypes());
        assertTrue(config.scope().ssoUserLastLogin());
        assertEquals(90, config.scope().lastLoginWindowDays());
        assertEquals(new RateLimitConfig(0, 2.5, 1, 3, 0.5), config.rateLimits());
        assertEquals(64, config.output().workers());
    }

    @Test
    void relativeFileIsResolvedAgainstTheWorkingDirectory() throws Exception {
        Files.createDirectories(workingDirectory.resolve("out"));

        assertEquals(
                workingDirectory.resolve("out/x.c1z"),
                configOf("-f", "out/x.c1z").output().file());
    }

    @Test
    void grantRequest() {
        RunConfig config = configOf(
                "-p",
                "--grant-entitlement",
                "group:G:member",
                "--grant-principal",
                "U",
                "--grant-principal-type",
                "iam_user");

        assertTrue(config.provisioning().enabled());
        assertEquals(
                new OneShotAction.Grant("group:G:member", "U", "iam_user"),
                config.provisioning().request());
    }

    @Test
    void revokeRequestFromTheEnvironment() {
        CliRun run = CliRun.run(workingDirectory, Map.of("BATON_PROVISIONING", "true", "BATON_REVOKE_GRANT", "g-1"));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(
                new OneShotAction.Revoke("g-1"), run.config().provisioning().request());
    }

    @Test
    void createAccountRequestKeepsTheProfileAsJson() {
        RunConfig config = configOf(
                "--provisioning",
                "--create-account-login",
                "ada",
                "--create-account-email",
                "ada@example.com",
                "--create-account-profile",
                "{ \"first_name\": \"Ada\", \"tags\": [1] }");

        assertEquals(
                new OneShotAction.CreateAccount(
                        "ada", "ada@example.com", "{\"first_name\":\"Ada\",\"tags\":[1]}", "iam_user"),
                config.provisioning().request());
    }

    @Test
    void deleteRequest() {
        RunConfig config = configOf(
                "-p", "--delete-resource", "arn:aws:iam::123456789012:user/x", "--delete-resource-type", "iam_user");

        assertEquals(
                new OneShotAction.DeleteResource("arn:aws:iam::123456789012:user/x", "iam_user"),
                config.provisioning().request());
    }

    @Test
    void resourceTypeIdsMatchTheTypeTable() {
        List<String> fromTable =
                ResourceTypes.ALL.stream().map(ResourceType::getId).sorted().toList();

        assertEquals(fromTable, ResourceTypeIds.ALL);
    }
}
