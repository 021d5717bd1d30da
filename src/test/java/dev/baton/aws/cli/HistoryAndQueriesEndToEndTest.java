package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.model.Ids;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.world.AccountAssignment;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.testing.C1zAssertions;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync history and the read-only commands against the simulator: two syncs of an unchanged world diff to nothing;
 * after adding a user to a group, removing an Identity Center assignment and tagging a user, the next sync into
 * the same file diffs to exactly those changes, the queries show the new state, and the file keeps two syncs.
 */
class HistoryAndQueriesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @RegisterExtension
    final SimulatorExtension aws = SimulatorExtension.of(DemoWorld.create()).systemClock();

    private WorldState state;
    private ConnectionFacts facts;
    private Wiring wiring;

    @BeforeEach
    void startSimulator() {
        state = aws.state();
        facts = aws.facts();
        wiring = new ConnectorWiring(AwsClientSettings.endpoint(aws.endpoint(), aws.clock()), aws.clock());
    }

    @Test
    void syncHistoryDiffAndQueriesFollowChangesOfTheWorld() throws Exception {
        sync();
        Result single = run("diff", "-f", "sync.c1z");
        assertEquals(2, single.code, single.err);
        assertTrue(single.err.contains("one finished full sync"), single.err);

        sync();
        Result unchanged = run("diff", "-f", "sync.c1z", "--exit-code");
        assertEquals(0, unchanged.code, unchanged.err + unchanged.out);
        assertTrue(unchanged.out.contains("no changes"), unchanged.out);

        // the world changes: a user joins a group (and gets a tag), an Identity Center assignment goes away
        JsonNode groups = json(run("show", "resources", "-t", "group", "-o", "json"));
        String groupArn = groups.get(0).get("resource_id").asText();
        String account = groupArn.split(":")[4];
        String groupName = groupArn.substring(groupArn.lastIndexOf('/') + 1);
        String memberEntitlement = Ids.entitlementId(Ids.resourceId("group", groupArn), "member");
        List<String> members = column(json(run("who-can", "-e", memberEntitlement, "-o", "json")), "principal_id");
        String userArn = column(json(run("show", "resources", "-t", "iam_user", "-o", "json")), "resource_id").stream()
                .filter(arn -> arn.split(":")[4].equals(account) && !members.contains(arn))
                .findFirst()
                .orElseThrow();
        String userName = userArn.substring(userArn.lastIndexOf('/') + 1);
        AccountAssignment removed = state.world().identityCenter().assignments().get(0);
        state.update(world -> world.updateIam(
                        account,
                        iam -> iam.updateUser(
                                userName, user -> tagged(user.withGroups(concat(user.groups(), groupName)))))
                .withIdentityCenter(world.identityCenter()
                        .withAssignments(world.identityCenter()
                                .assignments()
                                .subList(1, world.identityCenter().assignments().size()))));
        sync();

        Result changed = run("diff", "-f", "sync.c1z", "--exit-code", "-o", "json");
        assertEquals(DiffCommand.CHANGES_FOUND, changed.code, changed.err);
        JsonNode diff = JSON.readTree(changed.out);
        JsonNode resources = diff.get("resources");
        List<JsonNode> changedResources = StreamSupport.stream(resources.spliterator(), false)
                .filter(r -> r.get("change").asText().equals("changed"))
                .toList();
        assertEquals(1, changedResources.size(), resources.toString());
        assertEquals(userArn, changedResources.get(0).get("resource_id").asText());
        assertTrue(
                changedResources.get(0).get("changed_fields").toString().contains("profile.aws_tags"),
                resources.toString());
        // the only other resource change allowed: the assignment's resource, when it was its last one
        assertTrue(
                StreamSupport.stream(resources.spliterator(), false)
                        .filter(r -> !changedResources.contains(r))
                        .allMatch(r -> r.get("change").asText().equals("removed")
                                && r.get("resource_type").asText().equals("permission_set_assignment")
                                && r.get("resource_id").asText().contains(removed.accountId())),
                resources.toString());
        assertTrue(
                StreamSupport.stream(diff.get("entitlements").spliterator(), false)
                        .allMatch(e -> e.get("change").asText().equals("removed")
                                && e.get("resource_type").asText().equals("permission_set_assignment")
                                && e.get("resource_id").asText().contains(removed.accountId())),
                diff.get("entitlements").toString());

        String membership = Ids.grantId(memberEntitlement, Ids.resourceId("iam_user", userArn));
        List<JsonNode> grants =
                StreamSupport.stream(diff.get("grants").spliterator(), false).toList();
        List<JsonNode> added = grants.stream()
                .filter(g -> g.get("change").asText().equals("added"))
                .toList();
        List<JsonNode> gone = grants.stream()
                .filter(g -> g.get("change").asText().equals("removed"))
                .toList();
        assertTrue(
                added.stream()
                        .anyMatch(g -> g.get("id").asText().equals(membership)
                                && g.get("kind").asText().equals("direct")),
                added.toString());
        assertTrue(
                added.stream()
                        .filter(g -> !g.get("id").asText().equals(membership))
                        .allMatch(g -> g.get("kind").asText().equals("expanded")
                                && g.get("via").toString().contains(memberEntitlement)),
                added.toString());
        List<JsonNode> goneDirect = gone.stream()
                .filter(g -> g.get("kind").asText().equals("direct"))
                .toList();
        assertTrue(
                goneDirect.stream()
                        .anyMatch(g -> g.get("principal_id").asText().endsWith(removed.principalId())
                                && g.get("resource_id").asText().equals(removed.accountId())),
                gone.toString());
        // every removed direct grant is the assignment's: to its principal, or of the assignment's own resource
        assertTrue(
                goneDirect.stream()
                        .allMatch(g -> g.get("principal_id").asText().endsWith(removed.principalId())
                                || g.get("principal_id").asText().endsWith(removed.accountId())),
                gone.toString());
        if (removed.principalType().equals("GROUP")) {
            assertTrue(gone.stream().anyMatch(g -> g.get("kind").asText().equals("expanded")), gone.toString());
        }
        JsonNode summary = diff.get("summary").get("grants");
        assertEquals(added.size(), summary.get("added").asInt());
        assertEquals(gone.size(), summary.get("removed").asInt());
        assertEquals(1, summary.get("direct_added").asInt());
        assertEquals(goneDirect.size(), summary.get("direct_removed").asInt());

        Result markdown = run("diff", "-f", "sync.c1z", "-o", "markdown");
        assertEquals(0, markdown.code, markdown.err);
        assertTrue(markdown.out.startsWith("### Access changes") && markdown.out.contains(userArn), markdown.out);

        // the queries show the new state
        JsonNode access = json(run("access", "--principal", "iam_user:" + userArn, "-o", "json"));
        assertTrue(
                StreamSupport.stream(access.spliterator(), false)
                        .anyMatch(a -> a.get("entitlement").asText().equals(memberEntitlement)
                                && a.get("path").asText().equals("direct")),
                access.toString());
        assertTrue(column(json(run("who-can", "-e", memberEntitlement, "-o", "json")), "principal_id")
                .contains(userArn));
        Result mermaid = run("access", "--principal", "iam_user:" + userArn, "-o", "mermaid");
        assertTrue(mermaid.out.startsWith("flowchart LR") && mermaid.out.contains(" --> "), mermaid.out);
        Result dot = run("access", "--principal", "iam_user:" + userArn, "-o", "dot");
        assertTrue(dot.out.startsWith("digraph access {") && dot.out.contains(" -> "), dot.out);

        // a third sync into the file: the newest two are kept
        JsonNode syncs = json(run("show", "syncs", "-o", "json"));
        assertEquals(2, syncs.size(), syncs.toString());
        try (SyncFile file = SyncFile.open(dir.resolve("sync.c1z"), dir)) {
            assertEquals(2, file.finishedFullSyncs().size());
            assertEquals(
                    file.finishedFullSyncs().get(0).syncId(),
                    file.defaultSync().orElseThrow().syncId());
        }
        Result csv = run("show", "grants", "-e", memberEntitlement, "-o", "csv");
        assertTrue(csv.out.startsWith("id,entitlement,") && csv.out.contains(membership), csv.out);
        Result export = run("export", "--out", "out", "--format", "jsonl");
        assertEquals(0, export.code, export.err);
        assertTrue(Files.readString(dir.resolve("out/grants.jsonl")).contains(membership));
    }

    @Test
    void aFileThatIsNotAC1zIsRefusedAndLeftAlone() throws Exception {
        Path file = dir.resolve("sync.c1z");
        Files.writeString(file, "not a c1z");
        Result refused = run(connectionArgs());
        assertEquals(2, refused.code, refused.err);
        assertTrue(refused.err.contains(file.toString()) && refused.err.contains("--replace"), refused.err);
        assertEquals(1, refused.errLines(), refused.err);
        assertEquals("not a c1z", Files.readString(file));

        List<String> replace = new ArrayList<>(connectionArgs());
        replace.add("--replace");
        assertEquals(0, run(replace).code);
        C1zAssertions.assertValidC1z(file);
        try (SyncFile replaced = SyncFile.open(file, dir)) {
            assertEquals(1, replaced.syncRuns().size());
        }
    }

    private static IamUser tagged(IamUser user) {
        Map<String, String> tags = new HashMap<>(user.tags());
        tags.put("team", "history-test");
        return user.withTags(tags);
    }

    private static List<String> concat(List<String> list, String value) {
        List<String> all = new ArrayList<>(list);
        all.add(value);
        return all;
    }

    private static List<String> column(JsonNode rows, String name) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.get(name).asText())
                .toList();
    }

    private static JsonNode json(Result result) throws Exception {
        assertEquals(0, result.code, result.err);
        return JSON.readTree(result.out);
    }

    /** Syncs into sync.c1z and checks the whole file, every sync run it holds, with the validator. */
    private Result sync() throws Exception {
        Result result = run(connectionArgs());
        assertEquals(0, result.code, result.err);
        C1zAssertions.assertValidC1z(dir.resolve("sync.c1z"));
        return result;
    }

    private List<String> connectionArgs() {
        List<String> args = new ArrayList<>(SimulatorCliSync.connectionFlags(facts));
        args.addAll(List.of("-f", "sync.c1z", "--workers", "4"));
        return args;
    }

    private Result run(String... args) {
        return run(List.of(args));
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

    private record Result(int code, String out, String err) {
        long errLines() {
            return err.lines().count();
        }
    }
}
