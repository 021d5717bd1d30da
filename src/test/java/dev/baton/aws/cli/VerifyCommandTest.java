package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code baton-aws verify}: exit 0 for a valid file, 1 with one line per violation, 2 when there is no c1z. */
class VerifyCommandTest {
    @TempDir
    Path dir;

    @Test
    void aFileThisToolWroteIsValid() {
        StringWriter ignored = new StringWriter();
        assertEquals(
                0,
                Main.run(
                        ConnectorWiring.production(),
                        new ProcessContext(Map.of(), dir),
                        new PrintWriter(ignored),
                        new PrintWriter(ignored),
                        "--skip-full-sync",
                        "-f",
                        "sync.c1z"),
                ignored.toString());
        CliRun result = CliRun.run(dir, Map.of(), "verify", "sync.c1z");
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(
                List.of(dir.resolve("sync.c1z") + ": ok (resource_types 0, resources 0, entitlements 0,"
                        + " grants 0)"),
                result.out().lines().toList());
    }

    @Test
    void violationsAreOneLineEachThenASummaryWithExitOne() throws Exception {
        copyReference();
        CliRun result = CliRun.run(dir, Map.of(), "verify", "reference.c1z");
        assertEquals(1, result.exitCode(), result.err());
        assertEquals(
                List.of(
                        "FAIL [sync] no finished 'full' sync (ended_at set, sync_type 'full')",
                        dir.resolve("reference.c1z") + ": 1 violation (resource_types 5, resources 79, entitlements 0,"
                                + " grants 0)"),
                result.out().lines().toList());
    }

    @Test
    void jsonOutput() throws Exception {
        copyReference();
        CliRun result = CliRun.run(dir, Map.of(), "verify", "-o", "json", "reference.c1z");
        assertEquals(1, result.exitCode(), result.err());
        JsonNode json = new ObjectMapper().readTree(result.out());
        assertEquals(false, json.get("valid").asBoolean());
        assertEquals("sync", json.get("violations").get(0).get("check").asText());
        assertEquals(1, json.get("countsByCheck").get("sync").asInt());
    }

    @Test
    void noReadableC1zIsExitTwoWithOneLineNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Files.createDirectory(dir.resolve("folder"));
        for (List<String> args : List.of(
                List.of("verify"),
                List.of("verify", "missing.c1z"),
                List.of("verify", "notes.txt"),
                List.of("verify", "folder"),
                List.of("verify", "-o", "yaml", "notes.txt"))) {
            CliRun result = CliRun.run(dir, Map.of(), args.toArray(String[]::new));
            assertEquals(2, result.exitCode(), args + ": " + result.err());
            assertEquals(1, result.errLines().size(), args + ": " + result.err());
            assertTrue(result.err().startsWith("baton-aws: verify"), args + ": " + result.err());
            String named = args.contains("-o") ? "'yaml'" : args.get(args.size() - 1);
            assertTrue(args.size() == 1 || result.err().contains(named), result.err());
        }
    }

    private void copyReference() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/dev/baton/aws/c1z/upstream-sample-v1.c1z")) {
            Files.copy(in, dir.resolve("reference.c1z"));
        }
    }
}
