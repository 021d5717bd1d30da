package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.StoredGrant;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.testing.C1zAssertions;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI as a user runs it, against the embedded simulator: demo, sync, one-shot writes, re-sync, and the
 * failure paths a user meets first (wrong external id, provisioning not enabled).
 */
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final SimulatorExtension aws = SimulatorExtension.of(DemoWorld.create()).systemClock();

    private ConnectionFacts facts;
    private Wiring wiring;

    @BeforeEach
    void startSimulator() {
        facts = aws.facts();
        wiring = new ConnectorWiring(AwsClientSettings.endpoint(aws.endpoint(), aws.clock()), aws.clock());
    }

    @Test
    void demoWritesAFileThatPassesC1zCheck() throws Exception {
        Result demo = run(ConnectorWiring.production(), "demo", "-f", "demo.c1z");
        assertEquals(0, demo.code, demo.err);
        Path file = dir.resolve("demo.c1z");
        C1zAssertions.assertValidC1z(file);
        try (C1zReader reader = C1zReader.open(file)) {
            Map<String, Long> byType = reader.counts().resourcesByType();
            assertEquals(14, reader.resourceTypes().size());
            assertEquals(DemoWorld.create().identityCenter().users().size(), byType.get("sso_user"));
            assertEquals(DemoWorld.create().identityCenter().permissionSets().size(), byType.get("permission_set"));
            assertTrue(byType.get("iam_user") > 0 && byType.get("access-key") > 0, byType.toString());
        }
        assertTrue(
                demo.err
                        .lines()
                        .anyMatch(line ->
                                line.contains("\"msg\":\"sync finished\"") && line.contains("\"grants_expanded\":")),
                "stderr is not a terminal: the summary is a JSON event");
    }

    @Test
    void grantAndRevokeAreIdempotentAndShowUpInTheNextSync() throws Exception {
        assertEquals(0, sync().code);
        Membership wanted = absentGroupMembership(dir.resolve("sync.c1z"));

        Result granted = run(
                wiring,
                concat(
                        List.of(
                                "grant",
                                "-p",
                                "-e",
                                wanted.entitlementId,
                                "--principal",
                                wanted.userArn,
                                "--principal-type",
                                "iam_user"),
                        connectionArgs()));
        assertEquals(0, granted.code, granted.err);
        assertEquals("granted", outcome(granted).get("outcome").asText());
        Result again = run(
                wiring,
                concat(
                        List.of(
                                "-p",
                                "--grant-entitlement",
                                wanted.entitlementId,
                                "--grant-principal",
                                wanted.userArn,
                                "--grant-principal-type",
                                "iam_user"),
                        connectionArgs()));
        assertEquals(0, again.code, again.err);
        assertEquals("already-exists", outcome(again).get("outcome").asText());

        assertEquals(0, sync().code);
        String grantId = Ids.grantId(wanted.entitlementId, Ids.resourceId("iam_user", wanted.userArn));
        assertTrue(grantIds(wanted.entitlementId).contains(grantId), "the re-sync shows the new membership");

        Result revoked = run(wiring, concat(List.of("revoke", "-p", "-g", grantId), connectionArgs()));
        assertEquals(0, revoked.code, revoked.err);
        assertEquals("revoked", outcome(revoked).get("outcome").asText());
        Result revokedAgain = run(wiring, concat(List.of("revoke", "-p", "-g", grantId), connectionArgs()));
        assertEquals(0, revokedAgain.code, revokedAgain.err);
        assertEquals("already-revoked", outcome(revokedAgain).get("outcome").asText());

        assertEquals(0, sync().code);
        assertFalse(grantIds(wanted.entitlementId).contains(grantId), "the re-sync no longer shows it");
    }

    @Test
    void writesWithoutProvisioningAreRefusedWithUsageExit() throws Exception {
        Result refused = run(wiring, concat(List.of("revoke", "-g", "some-grant"), connectionArgs()));
        assertEquals(2, refused.code);
        assertTrue(refused.err.contains("-p/--provisioning"), refused.err);
        assertEquals(1, refused.err.lines().count(), refused.err);
    }

    @Test
    void unknownEntitlementIsAUsageErrorThatSuggestsTheClosestId() throws Exception {
        assertEquals(0, sync().code);
        Membership wanted = absentGroupMembership(dir.resolve("sync.c1z"));
        String typo = wanted.entitlementId.replace(":member", ":membr");
        Result result = run(
                wiring,
                concat(
                        List.of(
                                "grant",
                                "-p",
                                "-e",
                                typo,
                                "--principal",
                                wanted.userArn,
                                "--principal-type",
                                "iam_user"),
                        connectionArgs()));
        assertEquals(2, result.code, result.err);
        assertTrue(result.err.contains(typo) && result.err.contains(wanted.entitlementId), result.err);
    }

    @Test
    void failedSyncLeavesThePreviousFileIntactAndExitsOne() throws Exception {
        assertEquals(0, sync().code);
        Path file = dir.resolve("sync.c1z");
        byte[] before = Files.readAllBytes(file);
        List<String> args = new ArrayList<>(connectionArgs());
        args.set(args.indexOf("--external-id") + 1, "wrong-external-id-0000");
        Result failed = run(wiring, args);
        assertEquals(1, failed.code, failed.err);
        assertTrue(failed.err.contains(facts.roleArn()) && failed.err.contains("AccessDenied"), failed.err);
        assertFalse(failed.err.contains(facts.secretAccessKey().value()), "no secret in the message");
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of(),
                    files.map(path -> path.getFileName().toString())
                            .filter(name -> name.endsWith(".tmp") || name.endsWith(".lock"))
                            .toList());
        }
    }

    private Result sync() {
        Result result = run(wiring, connectionArgs());
        assertEquals(0, result.code, result.err);
        return result;
    }

    private List<String> connectionArgs() {
        List<String> args = new ArrayList<>(SimulatorCliSync.connectionFlags(facts));
        args.addAll(List.of("-f", "sync.c1z", "--workers", "4"));
        return args;
    }

    private Set<String> grantIds(String entitlementId) throws Exception {
        try (C1zReader reader = C1zReader.open(dir.resolve("sync.c1z"))) {
            return reader.grantsForEntitlement(entitlementId).stream()
                    .map(g -> g.grant().getId())
                    .collect(Collectors.toSet());
        }
    }

    /** An IAM group of the management account and a user of the same account who is not in it. */
    private static Membership absentGroupMembership(Path file) throws Exception {
        try (C1zReader reader = C1zReader.open(file)) {
            for (Resource group : reader.resources("group")) {
                String account = group.getId().getResource().split(":")[4];
                String entitlementId = Ids.entitlementId(group.getId(), "member");
                Set<String> members = reader.grantsForEntitlement(entitlementId).stream()
                        .map(StoredGrant::grant)
                        .map(g -> g.getPrincipal().getId().getResource())
                        .collect(Collectors.toSet());
                for (Resource user : reader.resources("iam_user")) {
                    String arn = user.getId().getResource();
                    if (arn.split(":")[4].equals(account) && !members.contains(arn)) {
                        return new Membership(entitlementId, arn);
                    }
                }
            }
        }
        throw new AssertionError("the demo world has no group with a non-member user in its account");
    }

    private static JsonNode outcome(Result result) throws Exception {
        return JSON.readTree(result.out.strip());
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private Result run(Wiring wiring, String... args) {
        return run(wiring, List.of(args));
    }

    private Result run(Wiring wiring, List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                wiring,
                new ProcessContext(Map.of(), dir),
                new PrintWriter(out),
                new PrintWriter(err),
                args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private record Result(int code, String out, String err) {}

    private record Membership(String entitlementId, String userArn) {}
}
