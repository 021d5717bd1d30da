package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.RunConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options come from flags, BATON_* variables and .baton.yaml, in that order of precedence. */
class ValueSourcesTest {
    @TempDir
    Path workingDirectory;

    private RunConfig configOf(Map<String, String> environment, String... args) {
        CliRun run = CliRun.run(workingDirectory, environment, args);
        assertEquals(0, run.exitCode(), run.err());
        return run.config();
    }

    private void writeBatonYaml(String yaml) throws IOException {
        Files.writeString(workingDirectory.resolve(".baton.yaml"), yaml);
    }

    @Test
    void environmentVariablesSetOptions() {
        RunConfig config = configOf(Map.of(
                "BATON_GLOBAL_REGION",
                "eu-west-1",
                "BATON_GLOBAL_AWS_ORGS_ENABLED",
                "true",
                "BATON_WORKERS",
                "3",
                "BATON_SYNC_RESOURCE_TYPES",
                "iam_user,role",
                "BATON_FILE",
                "env.c1z",
                "BATON_ROLE_ARN",
                "arn:aws:iam::123456789012:role/FromEnv"));

        assertEquals("eu-west-1", config.credentials().region());
        assertTrue(config.organization().orgsEnabled());
        assertEquals(3, config.output().workers());
        assertEquals(Set.of("iam_user", "role"), config.scope().resourceTypes());
        assertEquals(workingDirectory.resolve("env.c1z"), config.output().file());
        assertEquals(
                "arn:aws:iam::123456789012:role/FromEnv", config.credentials().roleArn());
    }

    @Test
    void batonYamlSetsOptionsByFlagName() throws IOException {
        writeBatonYaml("""
                global-region: ap-south-1
                global-aws-orgs-enabled: true
                workers: 4
                sync-resource-types: [iam_user, group]
                rate-iam: 2.5
                log-level:
                """);

        RunConfig config = configOf(Map.of());

        assertEquals("ap-south-1", config.credentials().region());
        assertTrue(config.organization().orgsEnabled());
        assertEquals(4, config.output().workers());
        assertEquals(Set.of("iam_user", "group"), config.scope().resourceTypes());
        assertEquals(2.5, config.rateLimits().iamPerAccount());
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws IOException {
        writeBatonYaml("""
                global-region: ap-south-1
                workers: 4
                sso-last-login-days: 7
                rate-sts: 5
                """);
        Map<String, String> environment = Map.of("BATON_GLOBAL_REGION", "eu-west-1", "BATON_WORKERS", "6");

        RunConfig config = configOf(environment, "--global-region", "us-west-2");

        assertEquals("us-west-2", config.credentials().region()); // flag over environment and file
        assertEquals(6, config.output().workers()); // environment over file
        assertEquals(7, config.scope().lastLoginWindowDays()); // file over default
        assertEquals(5, config.rateLimits().sts());
        assertEquals(10, config.rateLimits().organizations()); // default
    }

    @Test
    void explicitFalseFlagOverridesEnvironmentTrue() {
        RunConfig config = configOf(
                Map.of("BATON_SYNC_SECRETS", "true", "BATON_NO_FAST_PATH", "true"),
                "--sync-secrets=false",
                "--no-fast-path",
                "false");

        assertFalse(config.scope().syncSecrets());
        assertTrue(config.scope().fastPath());
    }

    @Test
    void emptyEnvironmentVariableCountsAsUnset() {
        RunConfig config = configOf(Map.of("BATON_WORKERS", "", "BATON_GLOBAL_AWS_SSO_REGION", ""));

        assertEquals(8, config.output().workers());
        assertEquals("us-east-1", config.organization().ssoRegion());
    }

    @Test
    void configPathNamesAnotherFileRelativeToTheWorkingDirectory() throws IOException {
        Files.createDirectories(workingDirectory.resolve("conf"));
        Files.writeString(workingDirectory.resolve("conf/aws.yml"), "workers: 12\n");
        writeBatonYaml("workers: 4\n"); // ignored when BATON_CONFIG_PATH is set

        assertEquals(
                12,
                configOf(Map.of("BATON_CONFIG_PATH", "conf/aws.yml")).output().workers());
    }

    @Test
    void configPathMustBeYaml() throws IOException {
        Files.writeString(workingDirectory.resolve("aws.json"), "{}");

        assertUsageError(
                Map.of("BATON_CONFIG_PATH", "aws.json"),
                "BATON_CONFIG_PATH: 'aws.json' must name a .yaml or .yml file");
    }

    @Test
    void configPathMustExist() {
        assertUsageError(
                Map.of("BATON_CONFIG_PATH", "missing.yaml"), "BATON_CONFIG_PATH: file 'missing.yaml' does not exist");
    }

    @Test
    void brokenYamlIsAUsageError() throws IOException {
        writeBatonYaml("workers: [4\n");

        CliRun run = CliRun.run(workingDirectory, Map.of());

        assertEquals(2, run.exitCode());
        assertEquals(1, run.errLines().size(), run.err());
        assertTrue(run.err().startsWith("baton-aws: ./.baton.yaml: not valid YAML: "), run.err());
    }

    @Test
    void yamlMustBeAMapOfScalars() throws IOException {
        writeBatonYaml("- workers\n");
        assertUsageError(Map.of(), "./.baton.yaml: expected a map of flag names to values");

        writeBatonYaml("workers:\n  value: 4\n");
        assertUsageError(Map.of(), "./.baton.yaml: key 'workers' must be a scalar or a list of scalars");
    }

    @Test
    void badValueInYamlNamesTheFlagAndVariable() throws IOException {
        writeBatonYaml("workers: many\n");

        assertUsageError(Map.of(), "--workers (BATON_WORKERS): 'many' is not an int");
    }

    @Test
    void unknownYamlKeysAreIgnoredWithAWarning() throws IOException {
        writeBatonYaml("global-regin: eu-west-1\notel-collector-endpoint: http://127.0.0.1:4317\n");

        CliRun run = CliRun.run(workingDirectory, Map.of(), "--log-format", "console");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.config().credentials().region());
        assertEquals(2, run.errLines().size(), run.err());
        assertTrue(
                run.err()
                        .contains("WARN  Main: ignoring config file key 'global-regin': baton-aws has no"
                                + " --global-regin option"),
                run.err());
    }

    @Test
    void secretsFromTheFileAreSecretsToo() throws IOException {
        writeBatonYaml("global-access-key-id: AKIAFILE\nglobal-secret-access-key: from-the-file\n");

        RunConfig config = configOf(Map.of());

        assertEquals("from-the-file", config.credentials().secretAccessKey().value());
        assertFalse(config.toString().contains("from-the-file"));
    }

    private void assertUsageError(Map<String, String> environment, String expected) {
        CliRun run = CliRun.run(workingDirectory, environment);
        assertEquals(2, run.exitCode(), run.err());
        assertEquals(List.of("baton-aws: " + expected), run.errLines());
    }
}
