package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.StoredGrant;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failures a user meets, as the CLI prints them against the simulator: one line with the error (AWS's own
 * words kept), a second with what to change when there is something to change, exactly one {@code baton-aws: }
 * prefix on each, exit code 1, and never a secret.
 */
class FailureMessagesTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final SimulatorExtension aws = SimulatorExtension.of(DemoWorld.create()).systemClock();

    private WorldState state;
    private ConnectionFacts facts;
    private Wiring wiring;

    private record Result(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeEach
    void startSimulator() {
        state = aws.state();
        facts = aws.facts();
        wiring = new ConnectorWiring(AwsClientSettings.endpoint(aws.endpoint(), aws.clock()), aws.clock());
    }

    @Test
    void wrongExternalIdKeepsAwsWordsAndNamesBothLikelyCauses() {
        Result result = run(connectionArgs("--external-id", "wrong-external-id-0000"));

        assertEquals(1, result.code(), result.err());
        String user = "arn:aws:iam::" + facts.roleArn().split(":")[4] + ":user/";
        assertEquals(2, result.errLines().size(), result.err());
        assertTrue(
                result.errLines().get(0).startsWith("baton-aws: sts:AssumeRole on " + facts.roleArn()), result.err());
        assertTrue(result.errLines().get(0).contains(": AccessDenied: User: " + user), result.err());
        assertTrue(
                result.errLines()
                        .get(0)
                        .endsWith(" is not authorized to perform: sts:AssumeRole on resource: " + facts.roleArn()),
                result.err());
        assertTrue(
                result.errLines()
                        .get(1)
                        .startsWith(
                                "baton-aws: to fix: the trust policy of " + facts.roleArn() + " must allow " + user),
                result.err());
        assertTrue(result.errLines().get(1).contains("--external-id must equal the sts:ExternalId"), result.err());
        assertNoSecretAndOnePrefix(result);
    }

    @Test
    void missingExternalIdSaysNoneWasSent() {
        List<String> args = connectionArgs();
        int at = args.indexOf("--external-id");
        args.remove(at);
        args.remove(at);

        Result result = run(args);

        assertEquals(1, result.code(), result.err());
        assertTrue(result.errLines().get(0).contains("AccessDenied: User: "), result.err());
        assertTrue(
                result.errLines()
                        .get(1)
                        .contains("no external id was sent: if the policy has an sts:ExternalId "
                                + "condition, pass it with --external-id"),
                result.err());
        assertNoSecretAndOnePrefix(result);
    }

    @Test
    void deniedActionIsNamedInTheAdvice() {
        String account = facts.roleArn().split(":")[4];
        String roleName = facts.roleArn().substring(facts.roleArn().lastIndexOf('/') + 1);
        state.update(world -> world.updateIam(
                account,
                iam -> iam.updateRole(
                        roleName,
                        role -> new IamRole(
                                role.name(),
                                role.path(),
                                role.id(),
                                role.createDate(),
                                role.description(),
                                role.maxSessionDuration(),
                                role.trustPolicy(),
                                role.inlinePolicies(),
                                role.attachedPolicies(),
                                role.tags(),
                                role.lastUsed(),
                                role.permissionsBoundary(),
                                List.of("iam:ListUsers")))));

        Result result = run(connectionArgs("--sync-resource-types", "iam_user", "--no-fast-path"));

        assertEquals(1, result.code(), result.err());
        List<String> lines = result.errLines().stream()
                .filter(line -> line.startsWith("baton-aws: "))
                .toList();
        assertTrue(lines.get(lines.size() - 2).contains("iam:ListUsers"), result.err());
        assertTrue(
                lines.get(lines.size() - 2)
                        .contains("AccessDenied: User: arn:aws:sts::" + account + ":assumed-role/" + roleName
                                + "/baton-aws is not authorized to perform: iam:ListUsers"),
                result.err());
        assertEquals(
                "baton-aws: to fix: a Deny statement (identity policy, permissions boundary or SCP) blocks "
                        + "iam:ListUsers for arn:aws:sts::" + account + ":assumed-role/" + roleName
                        + "/baton-aws: remove it, or leave that part out of the sync",
                lines.get(lines.size() - 1));
        assertNoSecretAndOnePrefix(result);
    }

    @Test
    void grantingToAUserDeletedSinceTheSyncHasOnePrefix() throws Exception {
        assertEquals(0, run(connectionArgs()).code());
        String[] membership = groupMembership(dir.resolve("sync.c1z"));
        String userArn = membership[1];
        String account = userArn.split(":")[4];
        String userName = userArn.substring(userArn.lastIndexOf('/') + 1);
        state.update(world -> world.updateIam(
                account,
                iam -> iam.withUsers(iam.users().stream()
                        .filter(user -> !user.name().equals(userName))
                        .toList())));

        List<String> args = new ArrayList<>(
                List.of("grant", "-p", "-e", membership[2], "--principal", userArn, "--principal-type", "iam_user"));
        args.addAll(connectionArgs());
        Result result = run(args);

        assertEquals(1, result.code(), result.err());
        List<String> lines = result.errLines().stream()
                .filter(line -> line.startsWith("baton-aws: "))
                .toList();
        assertTrue(lines.get(0).contains("NoSuchEntity"), result.err());
        assertTrue(
                lines.get(0).startsWith("baton-aws: error adding iam user to iam group: iam:AddUserToGroup on "),
                result.err());
        assertNoSecretAndOnePrefix(result);
    }

    @Test
    void scimConnectionRefusedNamesTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Result result = run(connectionArgs(
                "--scim-enabled",
                "--scim-endpoint",
                "http://127.0.0.1:" + port + "/scim/v2",
                "--scim-token",
                "scim-token-value-123",
                "--sync-resource-types",
                "sso_user"));

        assertEquals(1, result.code(), result.err());
        String last = result.errLines().get(result.errLines().size() - 1);
        assertTrue(last.startsWith("baton-aws: "), result.err());
        assertTrue(
                last.contains("scim: GET http://127.0.0.1:" + port + "/scim/v2/Users failed: cannot connect to "
                        + "127.0.0.1:" + port),
                result.err());
        assertFalse(last.contains("null"), result.err());
        assertFalse(result.err().contains("scim-token-value-123"), result.err());
        assertNoSecretAndOnePrefix(result);
    }

    private void assertNoSecretAndOnePrefix(Result result) {
        assertFalse(
                result.err().contains(facts.secretAccessKey().value())
                        || result.out().contains(facts.secretAccessKey().value()),
                "a secret was printed");
        assertFalse(result.err().contains("FwoGZXIvYXdzE"), "a session token was printed");
        for (String line : result.errLines()) {
            assertTrue(line.startsWith("baton-aws: ") || !line.contains("baton-aws: "), "unprefixed: " + line);
            assertFalse(
                    line.startsWith("baton-aws: baton-aws: ")
                            || line.contains(": baton-aws: ")
                            || line.contains("(baton-aws: "),
                    "two prefixes: " + line);
        }
    }

    /** A grant id of an IAM group membership in the c1z, the member user's ARN, and the group's entitlement. */
    private static String[] groupMembership(Path file) throws Exception {
        try (C1zReader reader = C1zReader.open(file)) {
            for (Resource group : reader.resources("group")) {
                String entitlementId = Ids.entitlementId(group.getId(), "member");
                for (StoredGrant grant : reader.grantsForEntitlement(entitlementId)) {
                    if (grant.grant().getPrincipal().getId().getResourceType().equals("iam_user")) {
                        return new String[] {
                            grant.grant().getId(),
                            grant.grant().getPrincipal().getId().getResource(),
                            entitlementId
                        };
                    }
                }
            }
        }
        throw new AssertionError("the demo world has no IAM group member");
    }

    private List<String> connectionArgs(String... overrides) {
        List<String> args = new ArrayList<>(SimulatorCliSync.connectionFlags(facts));
        args.addAll(List.of("-f", "sync.c1z", "--workers", "4"));
        for (int i = 0; i < overrides.length; i++) {
            int at = args.indexOf(overrides[i]);
            boolean hasValue = i + 1 < overrides.length && !overrides[i + 1].startsWith("--");
            if (at >= 0 && hasValue) {
                args.set(at + 1, overrides[++i]);
            } else {
                args.add(overrides[i]);
                if (hasValue) {
                    args.add(overrides[++i]);
                }
            }
        }
        return args;
    }

    private Result run(List<String> args) {
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
}
