package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The error policy: per-resource NOT_FOUND/ACCESS_DENIED is skipped with one warning, list failures stop the sync. */
class IamSyncersErrorTest {
    private static final String A = "arn:aws:iam::111111111111:";

    private static Consumer<ObjectNode> denyConnector(String... actions) {
        return tree -> {
            for (var user : tree.path("accounts").get(0).path("iam").path("users")) {
                if (user.path("name").asText().equals("connector")) {
                    var deny = ((ObjectNode) user).putArray("deny");
                    for (String action : actions) {
                        deny.add(action);
                    }
                }
            }
        };
    }

    @Test
    void deniedGroupReadSkipsOnlyThatGroupsGrantsWithOneWarningEach() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json", denyConnector("iam:GetGroup"))
                .start()) {
            GraphWalker.Graph graph =
                    IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(false, false, Set.of()));
            assertEquals(
                    List.of(
                            "baton-aws: skipping grants of IAM group " + A + "group/admins: AccessDenied",
                            "baton-aws: skipping grants of IAM group " + A + "group/eng/devs: AccessDenied"),
                    graph.warnings().stream().sorted().toList());
            assertFalse(graph.grants().keySet().stream().anyMatch(id -> id.startsWith("group:")));
            assertTrue(graph.grants().containsKey("role:" + A + "role/ci:assignment:iam_user:" + A + "user/bob"));
            assertEquals(2, graph.ids("group").size());
        }
    }

    @Test
    void deniedListCallStopsTheSyncWithTheCallInTheMessage() {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json", denyConnector("iam:ListRoles"))
                .start()) {
            SyncException e = assertThrows(
                    SyncException.class,
                    () -> IamSync.sync(
                            fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(false, false, Set.of())));
            assertEquals(
                    "iam:ListRoles (account 111111111111): AccessDenied: User: arn:aws:iam::111111111111:user/"
                            + "connector is not authorized to perform: iam:ListRoles with an explicit deny in an "
                            + "identity-based policy",
                    e.getMessage(),
                    "AWS's own words are kept");
        }
    }

    @Test
    void deniedFastPathInOneAccountLogsAndFallsBackWithoutWarnings() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json", denyConnector("iam:Generate*"))
                .start()) {
            GraphWalker.Graph graph =
                    IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(true, false, Set.of()));
            assertEquals(List.of(), graph.warnings());
            assertEquals(0, fixture.stats().calls("iam:GetCredentialReport"));
            assertTrue(fixture.stats().calls("iam:GetUser") > 0, "per-entity calls after the fallback");
            assertEquals(4, graph.ids("iam_user").size());
        }
    }
}
