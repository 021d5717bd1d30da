package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

class HelpAndVersionTest {
    /** Every flag of the upstream connector and of baton-sdk connectors; the help must document each with its variable. */
    private static final List<String> REQUIRED_FLAGS = List.of(
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
            "create-account-resource-type",
            "scim-enabled",
            "scim-endpoint",
            "scim-token",
            "sso-last-login-days",
            "no-fast-path",
            "rate-iam",
            "rate-identity-center",
            "rate-organizations",
            "rate-sts",
            "rate-cloudtrail",
            "file",
            "log-level",
            "log-format",
            "provisioning",
            "grant-entitlement",
            "grant-principal",
            "grant-principal-type",
            "revoke-grant",
            "create-account-login",
            "create-account-email",
            "create-account-profile",
            "delete-resource",
            "delete-resource-type",
            "sync-resource-types",
            "skip-full-sync",
            "workers",
            "client-id",
            "client-secret");

    @TempDir
    Path workingDirectory;

    private CommandSpec rootSpec() {
        CliRun.RecordingWiring wiring = new CliRun.RecordingWiring(typeId -> Set.of(), null);
        return Main.commandLine(
                        wiring,
                        new ProcessContext(Map.of(), workingDirectory),
                        new LoggingSetup(),
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(new StringWriter()))
                .getCommandSpec();
    }

    @Test
    void everyRequiredFlagExists() {
        CommandSpec spec = rootSpec();

        for (String flag : REQUIRED_FLAGS) {
            assertTrue(spec.findOption(flag) != null, "missing --" + flag);
        }
    }

    @Test
    void helpListsTheEnvironmentVariableOfEveryOption() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("Usage: baton-aws [OPTIONS] [COMMAND]"), run.out());
        int documented = 0;
        for (OptionSpec option : rootSpec().options()) {
            if (!BatonDefaultProvider.isConfigurable(option)) {
                continue;
            }
            String variable =
                    "BATON_" + option.longestName().substring(2).toUpperCase().replace('-', '_');
            Pattern row = Pattern.compile(
                    "^  " + variable + " +" + Pattern.quote(option.longestName()) + "$", Pattern.MULTILINE);
            assertTrue(row.matcher(run.out()).find(), "no environment row for " + option.longestName());
            documented++;
        }
        assertTrue(documented >= REQUIRED_FLAGS.size(), "documented " + documented);
        assertTrue(run.out().contains("BATON_CONFIG_PATH"));
    }

    @Test
    void helpNeverShowsSecretValuesFromTheEnvironment() {
        Map<String, String> environment = Map.of(
                "BATON_GLOBAL_SECRET_ACCESS_KEY",
                "env-secret-key",
                "BATON_SCIM_TOKEN",
                "env-scim-token",
                "BATON_CLIENT_SECRET",
                "env-client-secret",
                "BATON_GLOBAL_BINDING_EXTERNAL_ID",
                "env-binding-id",
                "BATON_WORKERS",
                "5");

        CliRun run = CliRun.run(workingDirectory, environment, "--help");

        assertEquals(0, run.exitCode());
        for (String secret : List.of("env-secret-key", "env-scim-token", "env-client-secret", "env-binding-id")) {
            assertFalse(run.out().contains(secret), secret);
        }
        assertTrue(run.out().contains("Default: 5"), "non-secret defaults show the effective value");
    }

    @Test
    void subcommandHelp() {
        for (String command : List.of("capabilities", "config", "completion")) {
            CliRun run = CliRun.run(workingDirectory, Map.of(), command, "--help");

            assertEquals(0, run.exitCode());
            assertTrue(run.out().startsWith("Usage: baton-aws " + command), run.out());
        }
    }

    @Test
    void version() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "--version");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().startsWith("baton-aws "), run.out());
        assertTrue(run.out().contains("Java " + Runtime.version()), run.out());
        assertTrue(run.runs().isEmpty());
    }

    @Test
    void helpDoesNotValidateOrRun() {
        CliRun run = CliRun.run(workingDirectory, Map.of("BATON_WORKERS", "0"), "--help");

        assertEquals(0, run.exitCode());
        assertEquals("", run.err());
        assertTrue(run.runs().isEmpty());
    }
}
