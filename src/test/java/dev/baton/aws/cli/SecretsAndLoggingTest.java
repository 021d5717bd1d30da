package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.C1zSnapshot;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.world.Credential;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Logging goes to stderr in the chosen format and level, and never carries a secret: neither for a configuration
 * alone (a recording runner) nor for a whole sync against the simulator, whose every output is scanned
 * ({@link #aWholeSyncAtDebugLevelLeavesNoSecretInAnyOutput}).
 */
class SecretsAndLoggingTest {
    private static final String SECRET_KEY = "wJalrXUtnFEMI-secret-key-value";
    private static final String SCIM_TOKEN = "scim-bearer-token-value";
    private static final String BINDING_ID = "binding-external-id-value";
    private static final List<String> SECRETS = List.of(SECRET_KEY, SCIM_TOKEN, BINDING_ID);

    @TempDir
    Path workingDirectory;

    private static String[] withSecrets(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--global-access-key-id",
                "AKIAEXAMPLE",
                "--global-secret-access-key",
                SECRET_KEY,
                "--global-aws-orgs-enabled",
                "--global-aws-sso-enabled",
                "--scim-enabled",
                "--scim-endpoint",
                "https://scim.us-east-1.amazonaws.com/t/scim/v2",
                "--scim-token",
                SCIM_TOKEN,
                "--role-arn",
                "arn:aws:iam::123456789012:role/Baton",
                "--global-role-arn",
                "arn:aws:iam::765656841499:role/ConductorOneService",
                "--external-id",
                "e".repeat(40),
                "--global-binding-external-id",
                BINDING_ID));
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
        CliRun run =
                CliRun.run(workingDirectory, Map.of("BATON_LOG_FORMAT", "json"), withSecrets("--log-level", "debug"));

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
        CliRun run = CliRun.run(
                workingDirectory,
                Map.of(
                        "BATON_GLOBAL_SECRET_ACCESS_KEY",
                        SECRET_KEY,
                        "BATON_GLOBAL_ACCESS_KEY_ID",
                        "AKIAEXAMPLE",
                        "BATON_LOG_LEVEL",
                        "debug"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("resolved configuration"));
        assertNoSecrets(run);
    }

    @Test
    void runtimeFailureIsOneLineAndExitsOne() {
        CliRun.RecordingWiring wiring = new CliRun.RecordingWiring(
                typeId -> Set.of(), new IllegalStateException("iam:ListUsers in account 123456789012: AccessDenied"));

        CliRun run = CliRun.run(wiring, workingDirectory, Map.of(), withSecrets());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("baton-aws: iam:ListUsers in account 123456789012: AccessDenied"), run.errLines());
        assertNoSecrets(run);
    }

    @Test
    void stackTraceOnlyAtDebug() {
        CliRun.RecordingWiring wiring =
                new CliRun.RecordingWiring(typeId -> Set.of(), new IllegalStateException("boom"));

        CliRun run = CliRun.run(
                wiring, workingDirectory, Map.of(), withSecrets("--log-level", "debug", "--log-format", "console"));

        assertEquals(1, run.exitCode());
        assertTrue(run.errLines().contains("baton-aws: boom"), run.err());
        assertTrue(run.err().contains("java.lang.IllegalStateException: boom"), run.err());
        assertTrue(run.err().contains("\tat "), "a stack trace follows");
        assertNoSecrets(run);
    }

    @Test
    void failureWithoutMessageNamesTheExceptionType() {
        CliRun run = CliRun.run(
                new CliRun.RecordingWiring(typeId -> Set.of(), new NullPointerException()), workingDirectory, Map.of());

        assertEquals(List.of("baton-aws: NullPointerException"), run.errLines());
    }

    @Test
    void multiLineMessagesAreFoldedIntoOneLine() {
        CliRun run = CliRun.run(
                new CliRun.RecordingWiring(typeId -> Set.of(), new IllegalStateException("first\n  second\r\nthird")),
                workingDirectory,
                Map.of());

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
        new LoggingSetup()
                .configure(
                        new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.JSON), new PrintWriter(err));

        LoggerFactory.getLogger("dev.baton.aws.sync.Engine")
                .atInfo()
                .addKeyValue("account", "123456789012")
                .addKeyValue("resources", 42)
                .addKeyValue("message", "clash")
                .addKeyValue("msg", "clash2")
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
        new LoggingSetup()
                .configure(
                        new LoggingConfig(LoggingConfig.Level.DEBUG, LoggingConfig.Format.CONSOLE),
                        new PrintWriter(err));

        LoggerFactory.getLogger("dev.baton.aws.sync.Engine")
                .atWarn()
                .addKeyValue("arn", "arn:aws:iam::1:role/x")
                .addKeyValue("reason", "access denied")
                .log("skipped a role");

        String line = err.toString().strip();
        assertTrue(
                line.matches("\\d{4}-\\d{2}-\\d{2}T\\S+Z WARN  Engine: skipped a role arn=arn:aws:iam::1:role/x"
                        + " reason=\"access denied\""),
                line);
    }

    @Test
    void awsSdkLoggersStayAtInfoEvenAtDebug() {
        StringWriter err = new StringWriter();
        new LoggingSetup()
                .configure(
                        new LoggingConfig(LoggingConfig.Level.DEBUG, LoggingConfig.Format.CONSOLE),
                        new PrintWriter(err));

        LoggerFactory.getLogger("software.amazon.awssdk.request").debug("Sending Request with headers");
        LoggerFactory.getLogger("dev.baton.aws.aws.AwsClients").debug("ours");

        assertFalse(err.toString().contains("Sending Request"));
        assertTrue(err.toString().contains("ours"));
    }

    /** What every session token the simulator issues starts with (as AWS's do). */
    private static final String SESSION_TOKEN_PREFIX = "FwoGZXIvYXdzE";

    /**
     * A whole sync of the demo world (Organizations, member accounts through assumed roles, Identity Center, SCIM,
     * CloudTrail, access keys) at debug level, JSON on stderr and a log file: neither stdout, stderr, any file left
     * in the working or temp directory, nor the c1z (compressed, and its decompressed database) holds the static
     * secret key, any long-term secret of the world, the SCIM token, or any session's secret key or token. The
     * session credentials are read back by replaying the simulator's seeded issuer on a second simulator, and each
     * replayed one is proven to be one the sync was given by signing a call with it to the first simulator.
     */
    @Test
    void aWholeSyncAtDebugLevelLeavesNoSecretInAnyOutput() throws Exception {
        World world = DemoWorld.create();
        String scimToken = world.identityCenter().scimToken().value();
        Path temp = Files.createDirectories(workingDirectory.resolve("tmp"));
        AtomicInteger scimCalls = new AtomicInteger();
        try (SimulatorExtension aws = SimulatorExtension.of(world)
                .systemClock()
                .scim(state -> {
                    ScimHandler scim = new ScimHandler(state);
                    return exchange -> {
                        scimCalls.incrementAndGet();
                        scim.handle(exchange);
                    };
                })
                .start()) {
            SimulatorServer server = aws.server();
            ConnectionFacts facts = aws.facts();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(
                    new ConnectorWiring(
                            AwsClientSettings.endpoint(server.endpoint(), Clock.systemUTC()), Clock.systemUTC()),
                    new ProcessContext(Map.of(), workingDirectory),
                    new PrintWriter(out),
                    new PrintWriter(err),
                    "--global-access-key-id",
                    facts.accessKeyId(),
                    "--global-secret-access-key",
                    facts.secretAccessKey().value(),
                    "--global-region",
                    facts.region(),
                    "--role-arn",
                    facts.roleArn(),
                    "--external-id",
                    facts.externalId(),
                    "--global-aws-orgs-enabled",
                    "--global-aws-sso-enabled",
                    "--global-aws-cross-account-iam-enabled",
                    "--sync-secrets",
                    "--sync-sso-user-last-login",
                    "--scim-enabled",
                    "--scim-endpoint",
                    server.endpoint() + "/scim/v2",
                    "--scim-token",
                    scimToken,
                    "--log-level",
                    "debug",
                    "--log-format",
                    "json",
                    "--log-path",
                    "sync.log",
                    "--c1z-temp-dir",
                    temp.toString(),
                    "-f",
                    "sync.c1z");
            assertEquals(0, code, err.toString());
            assertTrue(scimCalls.get() > 0, "the SCIM endpoint was read with the token");
            assertTrue(
                    err.toString().contains("\"level\":\"debug\"")
                            && err.toString().contains("calling AWS as")
                            && err.toString().contains("\"msg\":\"sync finished\""),
                    "the sync logged at debug: " + err);

            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("static secret key", facts.secretAccessKey().value());
            secrets.put("SCIM token", scimToken);
            for (Credential credential : world.credentials()) {
                secrets.put(
                        "world secret of " + credential.accessKeyId(),
                        credential.secretAccessKey().value());
            }
            List<Credentials> sessions = sessionsIssuedDuringTheSync(server, world, facts);
            assertTrue(sessions.size() >= 2, "the connector role and member-account roles: " + sessions.size());
            for (Credentials session : sessions) {
                secrets.put("session secret of " + session.accessKeyId(), session.secretAccessKey());
                secrets.put("session token of " + session.accessKeyId(), session.sessionToken());
            }
            secrets.put("any session token", SESSION_TOKEN_PREFIX);

            Map<String, byte[]> outputs = new LinkedHashMap<>();
            outputs.put("stdout", out.toString().getBytes(StandardCharsets.UTF_8));
            outputs.put("stderr", err.toString().getBytes(StandardCharsets.UTF_8));
            try (Stream<Path> files = Files.walk(workingDirectory)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    outputs.put(workingDirectory.relativize(file).toString(), Files.readAllBytes(file));
                }
            }
            assertTrue(
                    outputs.containsKey("sync.log") && outputs.get("sync.log").length > 1000,
                    outputs.keySet().toString());
            try (C1zSnapshot snapshot =
                    C1zSnapshot.open(workingDirectory.resolve("sync.c1z"), Files.createTempDirectory("scan"))) {
                Path database = snapshot.connection().getMetaData().getURL().startsWith("jdbc:sqlite:")
                        ? Path.of(snapshot.connection().getMetaData().getURL().substring("jdbc:sqlite:".length()))
                        : null;
                assertTrue(database != null && Files.size(database) > 10_000, "the decompressed database");
                outputs.put("sync.c1z decompressed", Files.readAllBytes(database));
            }
            List<String> found = new ArrayList<>();
            outputs.forEach((output, bytes) -> secrets.forEach((name, secret) -> {
                if (contains(bytes, secret.getBytes(StandardCharsets.UTF_8))) {
                    found.add(name + " in " + output);
                }
            }));
            assertEquals(List.of(), found);
            assertTrue(
                    contains(
                            outputs.get("sync.c1z decompressed"),
                            facts.accessKeyId().getBytes(StandardCharsets.UTF_8)),
                    "the scan reads the database: the connector's access key id is there");
        }
    }

    /**
     * The sessions the simulator issued during the sync: its issuer is seeded from the world, so a second simulator
     * of the same world issues the same credentials in the same order. Each is checked against the first
     * simulator, which accepts a signature only from a secret key and token it issued.
     */
    private static List<Credentials> sessionsIssuedDuringTheSync(
            SimulatorServer first, World world, ConnectionFacts facts) {
        CallStats.Snapshot stats = first.stats().snapshot();
        long issued = stats.calls("sts:AssumeRole")
                - stats.errors().getOrDefault("sts:AssumeRole", 0L)
                - stats.throttled().getOrDefault("sts:AssumeRole", 0L);
        List<Credentials> sessions = new ArrayList<>();
        try (SimulatorExtension second = SimulatorExtension.of(world)
                        .systemClock()
                        .iamAndStsOnly()
                        .start();
                StsClient sts = sts(
                        second.server(),
                        AwsBasicCredentials.create(
                                facts.accessKeyId(), facts.secretAccessKey().value()))) {
            for (int i = 0; i < issued; i++) {
                sessions.add(sts.assumeRole(r -> r.roleArn(facts.roleArn())
                                .externalId(facts.externalId())
                                .roleSessionName("replay"))
                        .credentials());
            }
        }
        for (Credentials session : sessions) {
            try (StsClient sts = sts(
                    first,
                    AwsSessionCredentials.create(
                            session.accessKeyId(), session.secretAccessKey(), session.sessionToken()))) {
                assertTrue(sts.getCallerIdentity().arn().contains(":assumed-role/"), session.accessKeyId());
            }
        }
        return sessions;
    }

    private static StsClient sts(
            SimulatorServer server, software.amazon.awssdk.auth.credentials.AwsCredentials credentials) {
        return StsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
