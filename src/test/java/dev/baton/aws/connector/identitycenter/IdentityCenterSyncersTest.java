package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SmallWorldRun.PS_ADMIN;
import static dev.baton.aws.connector.identitycenter.SmallWorldRun.PS_BILLING;
import static dev.baton.aws.connector.identitycenter.SmallWorldRun.PS_READ_ONLY;
import static dev.baton.aws.connector.identitycenter.SmallWorldRun.groupArn;
import static dev.baton.aws.connector.identitycenter.SmallWorldRun.userArn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A full Identity Center + Organizations sync of {@code sso-small.json} (page size 2 everywhere). */
class IdentityCenterSyncersTest {
    @RegisterExtension
    static final SimulatorExtension world = SmallWorldRun.simulator();

    private static SyncDriver sync;
    private static SmallWorldRun run;

    @BeforeAll
    static void syncOnce() throws SyncException {
        run = new SmallWorldRun(world);
        sync = run.sync();
    }

    @AfterAll
    static void stop() {
        run.close();
    }

    private static Set<String> ids(String type) {
        return new TreeSet<>(
                sync.resources(type).stream().map(r -> r.getId().getResource()).toList());
    }

    private static Set<String> grantIds(String prefix) {
        return new TreeSet<>(sync.grants().keySet().stream()
                .filter(id -> id.startsWith(prefix))
                .toList());
    }

    @Test
    void usersOfEveryPageAreSyncedWithRegionalArns() {
        assertEquals(
                Set.of(userArn("u-alice"), userArn("u-bob"), userArn("u-carol"), userArn("u-dave"), userArn("u-erin")),
                ids("sso_user"));
        assertEquals("bob", sync.resource("sso_user", userArn("u-bob")).getDisplayName());
    }

    @Test
    void groupMembershipsAcrossPagesUseTheMembershipIdAsGrantId() {
        List<Grant> memberships = sync.grants().values().stream()
                .filter(g -> g.getEntitlement().getId().startsWith("sso_group:"))
                .toList();
        assertEquals(4, memberships.size());
        for (Grant grant : memberships) {
            assertFalse(grant.getId().startsWith("sso_group:"), "AWS MembershipId expected, got " + grant.getId());
            String groupArn = grant.getEntitlement().getResource().getId().getResource();
            assertEquals(
                    "grant:membership:" + groupArn + ":"
                            + grant.getPrincipal().getId().getResource(),
                    Annotations.find(grant.getAnnotationsList(), V1Identifier.class)
                            .orElseThrow()
                            .getId());
        }
        Set<String> engineers = new TreeSet<>(memberships.stream()
                .filter(g -> g.getEntitlement().getId().equals("sso_group:" + groupArn("g-eng") + ":member"))
                .map(g -> g.getPrincipal().getId().getResource())
                .toList());
        assertEquals(Set.of(userArn("u-alice"), userArn("u-bob"), userArn("u-erin")), engineers);
    }

    @Test
    void suspendedAccountIsSkippedAndActiveOnesAreParentedInTheHierarchy() {
        assertEquals(Set.of("111111111111", "222222222222", "333333333333"), ids("account"));
        assertEquals(
                ResourceIdOf.of("organization", "r-ab12"),
                sync.resource("account", "111111111111").getParentResourceId());
        assertEquals(
                ResourceIdOf.of("organizational_unit", "ou-ab12-22222222"),
                sync.resource("account", "222222222222").getParentResourceId());
        assertEquals(
                ResourceIdOf.of("organizational_unit", "ou-ab12-33333333"),
                sync.resource("account", "333333333333").getParentResourceId());
        assertTrue(run.warnings.isEmpty(), run.warnings.toString());
    }

    @Test
    void nestedOrganizationalUnitsKeepTheirParents() {
        assertEquals(Set.of("r-ab12"), ids("organization"));
        assertEquals(Set.of("ou-ab12-11111111", "ou-ab12-22222222", "ou-ab12-33333333"), ids("organizational_unit"));
        assertEquals(
                ResourceIdOf.of("organizational_unit", "ou-ab12-11111111"),
                sync.resource("organizational_unit", "ou-ab12-22222222").getParentResourceId());
        assertEquals(
                ResourceIdOf.of("organization", "r-ab12"),
                sync.resource("organizational_unit", "ou-ab12-11111111").getParentResourceId());
    }

    @Test
    void everyAccountOffersEveryPermissionSetOfTheInstance() {
        long accountEntitlements = sync.entitlements().keySet().stream()
                .filter(id -> id.contains("|"))
                .count();
        assertEquals(3 * 4, accountEntitlements);
        assertTrue(sync.entitlements().containsKey("333333333333|" + PS_ADMIN), "not provisioned, still requestable");
    }

    @Test
    void accountGrantsFollowAssignmentsAndGroupGrantsExpandToMembers() {
        Set<String> expected = Set.of(
                "grant:sso_group:" + groupArn("g-eng") + ":222222222222|" + PS_READ_ONLY,
                "grant:sso_group:" + groupArn("g-eng") + ":333333333333|" + PS_READ_ONLY,
                "grant:sso_user:" + userArn("u-dave") + ":333333333333|" + PS_READ_ONLY,
                "grant:sso_user:" + userArn("u-erin") + ":333333333333|" + PS_READ_ONLY,
                "grant:sso_group:" + groupArn("g-admins") + ":222222222222|" + PS_ADMIN,
                "grant:sso_user:" + userArn("u-alice") + ":222222222222|" + PS_ADMIN,
                "grant:sso_user:" + userArn("u-dave") + ":111111111111|" + PS_BILLING);
        assertEquals(
                expected,
                new TreeSet<>(sync.grants().keySet().stream()
                        .filter(id -> id.startsWith("grant:") && id.contains("|"))
                        .toList()));
        Grant group = sync.grants().get("grant:sso_group:" + groupArn("g-eng") + ":222222222222|" + PS_READ_ONLY);
        GrantExpandable expandable = Annotations.find(group.getAnnotationsList(), GrantExpandable.class)
                .orElseThrow();
        assertEquals(List.of("sso_group:" + groupArn("g-eng") + ":member"), expandable.getEntitlementIdsList());
        assertFalse(expandable.getShallow());
        assertEquals(
                "grant:222222222222|" + PS_READ_ONLY + ":" + groupArn("g-eng"),
                Annotations.find(group.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }

    @Test
    void bindingsExistPerProvisionedSetAndCarryAssignmentAndPolicyGrants() {
        assertEquals(
                Set.of(
                        PS_READ_ONLY + "-222222222222",
                        PS_ADMIN + "-222222222222",
                        PS_READ_ONLY + "-333333333333",
                        PS_BILLING + "-111111111111"),
                ids("permission_set_assignment"));
        Resource binding = sync.resource("permission_set_assignment", PS_READ_ONLY + "-333333333333");
        assertEquals("ReadOnly on 333333333333", binding.getDisplayName());
        String assigned = "permission_set_assignment:" + PS_READ_ONLY + "-333333333333:assigned";
        assertEquals(
                Set.of(
                        "grant:sso_group:" + groupArn("g-eng") + ":" + assigned,
                        "grant:sso_user:" + userArn("u-dave") + ":" + assigned,
                        "grant:sso_user:" + userArn("u-erin") + ":" + assigned),
                grantIds("grant:").stream().filter(id -> id.endsWith(assigned)).collect(Collectors.toSet()));
        String principal = ":permission_set_assignment:" + PS_READ_ONLY + "-333333333333";
        assertEquals(
                Set.of(
                        "iam_policy:arn:aws:iam::aws:policy/ReadOnlyAccess:attached" + principal,
                        "iam_policy:arn:aws:iam::333333333333:policy/RootPolicy:attached" + principal,
                        "iam_policy:arn:aws:iam::333333333333:policy/division_abc/DivPolicy:attached" + principal),
                grantIds("iam_policy:").stream()
                        .filter(id -> id.endsWith(principal))
                        .collect(Collectors.toSet()));
        Grant composition = sync.grants().get("iam_policy:arn:aws:iam::aws:policy/ReadOnlyAccess:attached" + principal);
        assertEquals(
                List.of(assigned),
                Annotations.find(composition.getAnnotationsList(), GrantExpandable.class)
                        .orElseThrow()
                        .getEntitlementIdsList());
    }

    @Test
    void permissionSetsHoldTheirManagedPoliciesStructurally() {
        assertEquals(4, ids("permission_set").size());
        assertEquals(
                Set.of(
                        "iam_policy:arn:aws:iam::aws:policy/AdministratorAccess:attached:permission_set:" + PS_ADMIN,
                        "iam_policy:arn:aws:iam::aws:policy/ReadOnlyAccess:attached:permission_set:" + PS_READ_ONLY),
                grantIds("iam_policy:").stream()
                        .filter(id -> id.contains(":permission_set:"))
                        .collect(Collectors.toSet()));
    }

    @Test
    void inlinePolicyOfAPermissionSetIsReadThroughTheSeam() throws SyncException {
        Optional<String> admin = run.identityCenter().inlinePolicies().inlinePolicy(PS_ADMIN);
        assertTrue(admin.orElseThrow().contains("iam:*"), admin.toString());
        assertEquals(Optional.empty(), run.identityCenter().inlinePolicies().inlinePolicy(PS_READ_ONLY));
    }

    @Test
    void noObjectIsFetchedTwiceWithinTheSync() {
        Map<String, Long> calls = world.server().stats().snapshot().calls();
        assertEquals(1L, calls.get("sso:ListInstances"));
        assertEquals(4L, calls.get("sso:DescribePermissionSet"), calls.toString());
        assertEquals(2L, calls.get("sso:ListPermissionSets"), "4 sets, 2 per page, listed once: " + calls);
        assertEquals(1L, calls.get("organizations:ListRoots"));
        assertEquals(5L, calls.get("sso:ListAccountAssignments"), "shared by account and binding grants: " + calls);
        assertEquals(3L, calls.get("sso:ListPermissionSetsProvisionedToAccount"), "once per active account");
    }

    /** The per-service call counts of the whole small-world sync, as the simulator's control surface reports them. */
    @Test
    void apiCallsPerServiceAreReportedByTheSimulator() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(world.endpoint().resolve("/_simulator/stats"))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode calls = new ObjectMapper().readTree(response.body()).path("calls");
        Map<String, Long> perService = new TreeMap<>();
        calls.properties()
                .forEach(entry -> perService.merge(
                        entry.getKey().substring(0, entry.getKey().indexOf(':')),
                        entry.getValue().asLong(),
                        Long::sum));
        System.err.println("small world API calls per service: " + perService + " detail: " + calls);
        assertEquals(Set.of("identitystore", "organizations", "sso"), perService.keySet());
        assertTrue(perService.get("sso") <= 40, perService.toString());
    }

    /** ResourceId construction kept short in assertions. */
    private static final class ResourceIdOf {
        static ResourceId of(String type, String id) {
            return ResourceId.newBuilder().setResourceType(type).setResource(id).build();
        }
    }
}
