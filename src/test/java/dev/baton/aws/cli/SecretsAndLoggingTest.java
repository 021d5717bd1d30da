package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Logging goes to stderr in the chosen format and level, and never carries a secret. */
class SecretsAndLoggingTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI-secret-key-value";
    private static final String SCIM_TOKEN = "scim-bearer-token-value";
    private static final String BINDING_ID = "binding-external-id-value";
    private static final List<String> SECRETS = List.of(SECRET_KEY, SCIM_TOKEN, BINDING_ID);

    @TempDir Path workingDirectory;

    private static String[] withSecrets(String... extra) {
        List<String> args = new ArrayList<>(List.of("--global-access-key-id", "AKIAEXAMPLE",
                "--global-secret-access-key", SECRET_KEY, "--global-aws-orgs-enabled", "--global-aws-sso-enabled",
                "--scim-enabled", "--scim-endpoint", "https://scim.us-east-1.amazonaws.com/t/scim/v2",
                "--scim-token", SCIM_TOKEN, "--role-arn", "arn:aws:iam::123456789012:role/Baton",
                "--global-role-arn", "arn:aws:iam::765656841499:role/ConductorOneService",
                "--external-id", "e".repeat(40), "--global-binding-external-id", BINDING_ID));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static void assertNoSecrets(CliRun run) {
        for (String secret : SECRETS) {
            assertFalse(run.out().contains(secret), "stdout has a secret");
            assertFalse(run.err().contains(secret), "stderr has a secret: " + run.err());
        }
    }

    @Test
    void debugRunNeverPrintsSecrets() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), withSecrets("--log-level", "debug"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("resolved configuration"), "debug lines are written: " + run.err());
        assertTrue(run.err().contains("runner got"), run.err());
        assertTrue(run.err().contains("secretAccessKey=***"), run.err());
        assertNoSecrets(run);
        assertEquals(SECRET_KEY, run.config().credentials().secretAccessKey().value(), "the runner still gets it");
    }

    @Test
    void debugJsonRunNeverPrintsSecretsAndWritesOneObjectPerLine() throws Exception {
        CliRun run = CliRun.run(workingDirectory, Map.of("BATON_LOG_FORMAT", "json"), withSecrets("--log-level",
                "debug"));

        assertEquals(0, run.exitCode(), run.err());
        assertNoSecrets(run);
        assertTrue(run.errLines().size() >= 2, run.err());
        for (String line : run.errLines()) {
            JsonNode event = new ObjectMapper().readTree(line);
            assertEquals("debug", event.get("level").asText());
            assertTrue(event.has("ts") && event.has("logger") && event.has("caller") && event.has("msg"), line);
        }
    }

    @Test
    void secretsFromTheEnvironmentAreNotPrintedEither() {
        CliRun run = CliRun.run(workingDirectory, Map.of("BATON_GLOBAL_SECRET_ACCESS_KEY", SECRET_KEY,
                "BATON_GLOBAL_ACCESS_KEY_ID", "AKIAEXAMPLE", "BATON_LOG_LEVEL", "debug"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("resolved configuration"));
        assertNoSecrets(run);
    }

    @Test
    void runtimeFailureIsOneLineAndExitsOne() {
        CliRun.RecordingWiring wiring = new CliRun.RecordingWiring(typeId -> Set.of(),
                new IllegalStateException("iam:ListUsers in account 123456789012: AccessDenied"));

        CliRun run = CliRun.run(wiring, workingDirectory, Map.of(), withSecrets());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("baton-aws: iam:ListUsers in account 123456789012: AccessDenied"), run.errLines());
        assertNoSecrets(run);
    }

    @Test
    void stackTraceOnlyAtDebug() {
        CliRun.RecordingWiring wiring = new CliRun.RecordingWiring(typeId -> Set.of(),
                new IllegalStateException("boom"));

        CliRun run = CliRun.run(wiring, workingDirectory, Map.of(), withSecrets("--log-level", "debug",
                "--log-format", "console"));

        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().contains("baton-aws: boom"), run.err());
        assertTrue(run.err().contains("java.lang.IllegalStateException: boom"), run.err());
        assertTrue(run.err().contains("\tat "), "a stack trace follows");
        assertNoSecrets(run);
    }

    @Test
    void failureWithoutMessageNamesTheExceptionType() {
        CliRun run = CliRun.run(new CliRun.RecordingWiring(typeId -> Set.of(), new NullPointerException()),
                workingDirectory, Map.of());

        assertEquals(List.of("baton-aws: NullPointerException"), run.errLines());
    }

    @Test
    void multiLineMessagesAreFoldedIntoOneLine() {
        CliRun run = CliRun.run(new CliRun.RecordingWiring(typeId -> Set.of(),
                new IllegalStateException("first\n  second\r\nthird")), workingDirectory, Map.of());

        assertEquals(List.of("baton-aws: first second third"), run.errLines());
    }

    @Test
    void levelFiltersLines() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "--log-level", "warn");

        assertEquals(0, run.exitCode());
        assertEquals("", run.err(), "info and debug lines are dropped at warn");
    }

    @Test
    void jsonLinesCarryKeyValues() throws Exception {
        StringWriter err = new StringWriter();
        new LoggingSetup().configure(new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.JSON),
                new PrintWriter(err));

        LoggerFactory.getLogger("dev.baton.aws.sync.Engine").atInfo().addKeyValue("account", "123456789012")
                .addKeyValue("resources", 42).addKeyValue("message", "clash").addKeyValue("msg", "clash2")
                .log("synced {}", "iam_user");

        JsonNode event = new ObjectMapper().readTree(err.toString().strip());
        assertEquals("info", event.get("level").asText());
        assertEquals("dev.baton.aws.sync.Engine", event.get("logger").asText());
        assertEquals("synced iam_user", event.get("msg").asText());
        assertEquals("123456789012", event.get("account").asText());
        assertEquals(42, event.get("resources").asInt());
        assertEquals("clash", event.get("message").asText());
        assertEquals("clash2", event.get("msg_").asText(), "reserved keys are renamed, not overwritten");
        assertTrue(event.get("ts").isNumber(), "zap's ts: seconds since the epoch");
        assertTrue(Math.abs(event.get("ts").asDouble() - System.currentTimeMillis() / 1000.0) < 60, event.toString());
        assertTrue(event.get("caller").asText().matches("SecretsAndLoggingTest\\.java:\\d+"), event.toString());
    }

    @Test
    void consoleLinesCarryKeyValues() {
        StringWriter err = new StringWriter();
        new LoggingSetup().configure(new LoggingConfig(LoggingConfig.Level.DEBUG, LoggingConfig.Format.CONSOLE),
                new PrintWriter(err));

        LoggerFactory.getLogger("dev.baton.aws.sync.Engine").atWarn().addKeyValue("arn", "arn:aws:iam::1:role/x")
                .addKeyValue("reason", "access denied").log("skipped a role");

        String line = err.toString().strip();
        assertTrue(line.matches("\\d{4}-\\d{2}-\\d{2}T\\S+Z WARN  Engine: skipped a role arn=arn:aws:iam::1:role/x"
                + " reason=\"access denied\""), line);
    }

    @Test
    void awsSdkLoggersStayAtInfoEvenAtDebug() {
        StringWriter err = new StringWriter();
        new LoggingSetup().configure(new LoggingConfig(LoggingConfig.Level.DEBUG, LoggingConfig.Format.CONSOLE),
                new PrintWriter(err));

        LoggerFactory.getLogger("software.amazon.awssdk.request").debug("Sending Request with headers");
        LoggerFactory.getLogger("dev.baton.aws.aws.AwsClients").debug("ours");

        assertFalse(err.toString().contains("Sending Request"));
        assertTrue(err.toString().contains("ours"));
    }
}
