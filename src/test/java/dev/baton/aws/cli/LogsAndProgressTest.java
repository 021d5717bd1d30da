package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.sync.SyncPhase;
import dev.baton.aws.sync.SyncProgress;
import dev.baton.aws.sync.SyncSummary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log format choice, zap's JSON keys, {@code --log-path}, progress and summary as structured events, the live
 * display on a terminal only, and the baton SDK's common flags as they reach the run's configuration.
 */
class LogsAndProgressTest {
    private static final SyncProgress PROGRESS =
            new SyncProgress(SyncPhase.GRANTS, 3, 14, 100, 20, 500, 200, 4, 30, 10, 0, 0, Duration.ofSeconds(10));
    private static final SyncSummary SUMMARY = new SyncSummary(
            14,
            new TreeMap<>(Map.of("iam_user", 3L)),
            5,
            7,
            2,
            1,
            0,
            List.of(),
            new TreeMap<>(Map.of("iam", 12L)),
            0,
            0,
            Duration.ofSeconds(3));

    @TempDir
    Path workingDirectory;

    @Test
    void jsonWhenStderrIsNotATerminalConsoleWhenItIs() {
        CliRun piped = CliRun.run(workingDirectory, Map.of(), "--log-level", "debug");
        assertTrue(
                piped.errLines().stream().allMatch(line -> line.startsWith("{\"level\":\"debug\",\"ts\":")),
                piped.err());

        StringWriter err = new StringWriter();
        Main.run(
                new CliRun.RecordingWiring(type -> Set.of(), null),
                new ProcessContext(Map.of(), workingDirectory, true),
                new PrintWriter(new StringWriter()),
                new PrintWriter(err),
                "--log-level",
                "debug");
        assertTrue(err.toString().contains(" DEBUG BatonAwsCommand: resolved configuration"), err.toString());
    }

    @Test
    void progressAndSummaryAreJsonEventsWithFieldsAndNoPlainText() throws Exception {
        StringWriter err = new StringWriter();
        new LoggingSetup()
                .configure(
                        new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.JSON), new PrintWriter(err));
        ProgressEvents events = new ProgressEvents();

        events.sink().progress(PROGRESS);
        events.summary(SUMMARY);
        events.wrote("wrote the sync", "sync.c1z");

        List<String> lines = err.toString().lines().toList();
        assertEquals(3, lines.size(), err.toString());
        JsonNode progress = new ObjectMapper().readTree(lines.get(0));
        assertEquals("sync progress", progress.get("msg").asText());
        assertEquals(500, progress.get("grants").asInt());
        assertEquals(20.0, progress.get("calls_per_second").asDouble());
        assertEquals(4, progress.get("throttled").asInt());
        assertEquals(3, progress.get("eta_seconds").asInt());
        assertFalse(progress.has("display"), "the console rendering stays out of JSON");
        JsonNode summary = new ObjectMapper().readTree(lines.get(1));
        assertEquals("sync finished", summary.get("msg").asText());
        assertEquals(9, summary.get("grants").asInt());
        assertEquals(3, summary.get("resources_iam_user").asInt());
        assertEquals(
                "sync.c1z",
                new ObjectMapper().readTree(lines.get(2)).get("file").asText());
    }

    @Test
    void onATerminalProgressIsOneLiveLineThatLogLinesClearAndRedraw() {
        StringWriter err = new StringWriter();
        new LoggingSetup()
                .configure(
                        new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.CONSOLE, List.of(), true),
                        new PrintWriter(err));
        ProgressEvents events = new ProgressEvents();

        events.sink().progress(PROGRESS);
        org.slf4j.LoggerFactory.getLogger("dev.baton.aws.Test").warn("a warning");
        events.summary(SUMMARY);

        String clear = "\r\u001b[2K";
        assertEquals(
                clear + PROGRESS.render() + clear,
                err.toString()
                        .substring(0, clear.length() * 2 + PROGRESS.render().length()));
        assertTrue(
                err.toString()
                        .contains("Test: a warning" + System.lineSeparator() + PROGRESS.render() + clear
                                + "Sync finished in 3.0 s"),
                err.toString());
        assertTrue(err.toString().endsWith("warnings:       0" + System.lineSeparator()), err.toString());
    }

    @Test
    void offATerminalProgressLinesArePlainAndFiveSecondsApart() {
        StringWriter err = new StringWriter();
        new LoggingSetup()
                .configure(
                        new LoggingConfig(LoggingConfig.Level.INFO, LoggingConfig.Format.CONSOLE),
                        new PrintWriter(err));
        ProgressEvents events = new ProgressEvents();

        for (int i = 0; i < 3; i++) {
            events.sink().progress(PROGRESS);
        }

        assertEquals(List.of(PROGRESS.render()), err.toString().lines().toList(), "one line; the next after 5 s");
        assertFalse(err.toString().contains("\u001b"), "no terminal codes off a terminal");
    }

    @Test
    void logPathAppendsTheSameLinesToAFile() throws Exception {
        Path log = workingDirectory.resolve("baton.log");
        Files.writeString(log, "earlier\n");

        CliRun run = CliRun.run(workingDirectory, Map.of(), "--log-level", "debug", "--log-path", "baton.log");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = Files.readAllLines(log);
        assertEquals("earlier", lines.get(0), "appended, as the SDK does");
        assertEquals(run.errLines(), lines.subList(1, lines.size()));
    }

    @Test
    void logFlagsAfterASubcommandSetTheRootsLogging() {
        CliRun run = CliRun.run(
                workingDirectory,
                Map.of(),
                "revoke",
                "-p",
                "-g",
                "g",
                "--log-level",
                "debug",
                "--log-format",
                "console");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains(" DEBUG BatonAwsCommand") || run.err().contains(" DEBUG runner"), run.err());
    }

    @Test
    void theSdksCommonSyncFlagsReachTheConfiguration() {
        CliRun run = CliRun.run(
                workingDirectory,
                Map.of(),
                "--sync-resources",
                "iam_user:arn:aws:iam::123456789012"
                        + ":user/ada,bid:r:group/arn\\:aws\\:iam\\:\\:123456789012\\:group\\/dev",
                "--skip-grants",
                "--c1z-temp-dir",
                ".",
                "--workers",
                "0");

        RunConfig config = run.config();
        assertEquals(
                Set.of("iam_user:arn:aws:iam::123456789012:user/ada", "group:arn:aws:iam::123456789012:group/dev"),
                config.scope().targets().resourceKeys());
        assertTrue(config.scope().targets().skipGrants());
        assertEquals(workingDirectory.resolve("."), config.output().tempDir());
        assertEquals(1, config.output().workers(), "--workers 0: one at a time");
        assertEquals(
                OutputOptions.AUTO_WORKERS,
                CliRun.run(workingDirectory, Map.of(), "--workers", "-1")
                        .config()
                        .output()
                        .workers());
        assertEquals("partial", SyncCommandRunner.syncType(config.scope().targets()));
        assertEquals(
                Set.of("account_iam", "account"),
                SyncCommandRunner.syncOptions(config).accountTypes(),
                "progress counts AWS accounts: an account's IAM and the account as an Identity Center application");
        assertTrue(CliRun.run(workingDirectory, Map.of(), "--skip-entitlements-and-grants")
                .config()
                .scope()
                .targets()
                .skipEntitlementsAndGrants());
    }

    @Test
    void writeCommandsHelpListsNoSyncOnlyFlagsButAcceptsThem() {
        CliRun help = CliRun.run(workingDirectory, Map.of(), "grant", "--help");
        for (String syncOnly : List.of(
                "--workers",
                "--sync-secrets",
                "--sync-resource-types",
                "--scim-token",
                "--skip-full-sync",
                "BATON_WORKERS")) {
            assertFalse(help.out().contains(syncOnly), syncOnly + " in grant --help");
        }
        assertTrue(help.out().contains("BATON_ROLE_ARN") && help.out().contains("--principal-type"), help.out());

        CliRun grant = CliRun.run(
                workingDirectory,
                Map.of(),
                "grant",
                "-p",
                "-e",
                "e",
                "--principal",
                "p",
                "--principal-type",
                "iam_user",
                "--workers",
                "4");
        assertEquals(0, grant.exitCode(), grant.err());
    }

    @Test
    void anEmptyCreateAccountTypeReadsAsIamUserEverywhere() {
        CliRun run = CliRun.run(
                workingDirectory,
                Map.of(),
                "create-account",
                "-p",
                "--resource-type",
                "",
                "--login",
                "jdoe",
                "--email",
                "jdoe@example.com");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals("iam_user", run.config().provisioning().createAccountResourceType());
    }
}
