package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlementsAndGrants;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flags that change what the IAM syncers emit: the resource-type filter and --sync-only-attached-policies. */
class IamSyncersScopeTest {
    private static final String A = "arn:aws:iam::111111111111:";

    @Test
    void onlyAttachedPoliciesSkipsUnattachedOnes() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json").start()) {
            SyncScope onlyAttached = new SyncScope(Set.of(), false, true, false, 30, true, ScimConfig.disabled());
            GraphWalker.Graph graph = IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, onlyAttached);
            assertEquals(
                    List.of(A + "policy/TeamPolicy", "arn:aws:iam::aws:policy/AdministratorAccess"),
                    graph.ids("iam_policy"));
        }
    }

    @Test
    void withoutIamPolicyInTheFilterUsersHaveNoGrantsAndRolesAndGroupsNoAttachments() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json").start()) {
            Set<String> types = Set.of("iam_user", "role", "group", "inline_policy");
            try (var clients = IamSync.clients(fixture, IamSync.staticKeys(), IamSync.NO_ORG)) {
                IamSyncers syncers = IamSyncers.create(
                        new SyncContext(
                                clients,
                                IamSync.NO_ORG,
                                IamSync.scope(true, false, types),
                                message -> {},
                                new OrganizationAccounts(clients::organizations)),
                        PermissionSetInlinePolicies.none());
                ResourceSyncer users = syncers.syncers().get(0);
                assertEquals(ResourceTypes.IAM_USER_ID, users.resourceType().getId());
                assertTrue(Annotations.has(users.resourceType().getAnnotationsList(), SkipEntitlementsAndGrants.class));
                List<ResourceSyncer> walked = syncers.syncers().stream()
                        .filter(s -> types.contains(s.resourceType().getId()))
                        .toList();
                GraphWalker.Graph graph = GraphWalker.walk(walked, List.of());
                assertFalse(graph.grants().keySet().stream().anyMatch(id -> id.startsWith("iam_policy:")));
                assertTrue(graph.grants().containsKey("role:" + A + "role/ci:assignment:iam_user:" + A + "user/bob"));
                assertTrue(graph.grants()
                        .containsKey("group:" + A + "group/admins:member:iam_user:" + A + "user/staff/alice"));
            }
        }
    }

    @Test
    void registersAccountIamOnlyForCrossAccountSyncAndAccessKeysOnlyWithSecrets() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json").start();
                var clients = IamSync.clients(fixture, IamSync.staticKeys(), IamSync.NO_ORG)) {
            List<String> plain = IamSyncers.create(
                            new SyncContext(
                                    clients,
                                    IamSync.NO_ORG,
                                    IamSync.scope(true, false, Set.of()),
                                    message -> {},
                                    new OrganizationAccounts(clients::organizations)),
                            PermissionSetInlinePolicies.none())
                    .syncers()
                    .stream()
                    .map(s -> s.resourceType().getId())
                    .toList();
            assertEquals(List.of("iam_user", "role", "group", "iam_policy", "inline_policy"), plain);
            List<String> all = IamSyncers.create(
                            new SyncContext(
                                    clients,
                                    IamSync.ORG,
                                    IamSync.scope(true, true, Set.of()),
                                    message -> {},
                                    new OrganizationAccounts(clients::organizations)),
                            PermissionSetInlinePolicies.none())
                    .syncers()
                    .stream()
                    .map(s -> s.resourceType().getId())
                    .toList();
            assertEquals(
                    List.of("iam_user", "role", "group", "iam_policy", "inline_policy", "account_iam", "access-key"),
                    all);
        }
    }
}
