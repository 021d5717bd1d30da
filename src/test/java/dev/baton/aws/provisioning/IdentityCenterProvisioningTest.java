package dev.baton.aws.provisioning;

import static dev.baton.aws.provisioning.SyncFileFixture.BINDING_ASSIGNED;
import static dev.baton.aws.provisioning.SyncFileFixture.CAROL;
import static dev.baton.aws.provisioning.SyncFileFixture.CAROL_MEMBERSHIP;
import static dev.baton.aws.provisioning.SyncFileFixture.ENGINEERS;
import static dev.baton.aws.provisioning.SyncFileFixture.ENGINEERS_MEMBER;
import static dev.baton.aws.provisioning.SyncFileFixture.ERIN;
import static dev.baton.aws.provisioning.SyncFileFixture.MEMBER;
import static dev.baton.aws.provisioning.SyncFileFixture.MEMBER_ACCOUNT_ACCESS;
import static dev.baton.aws.provisioning.SyncFileFixture.PERMISSION_SET;
import static dev.baton.aws.provisioning.SyncFileFixture.SUSPENDED_ACCOUNT_ACCESS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.model.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Identity Center rows of the matrix end to end: SSO group membership, the flat account entitlement and the
 * permission-set binding. Assignments complete 1.5 s (simulated) after the write, so every assignment test also
 * exercises the status polling on the shared hand-driven clock.
 */
class IdentityCenterProvisioningTest extends SimulatedProvisioningTest {
    private static final String GROUP_ASSIGNMENT = MEMBER + "|" + PERMISSION_SET + "|GROUP|g-engineers";

    @Test
    void ssoGroupMembershipGrantIsIdempotent() throws Exception {
        Outcome first = grant(ENGINEERS_MEMBER, "sso_user", ERIN);
        assertEquals("granted", first.outcome());
        assertEquals(1, first.grantIds().size());
        assertEquals(List.of("u-carol", "u-erin"), members());

        Outcome second = grant(ENGINEERS_MEMBER, "sso_user", ERIN);
        assertEquals("already-exists", second.outcome());
        assertEquals(first.grantIds(), second.grantIds(), "the existing MembershipId is the grant id");
        assertEquals(List.of("u-carol", "u-erin"), members());
    }

    @Test
    void ssoGroupMembershipRevokeFindsTheMembershipAndIsIdempotent() throws Exception {
        // The c1z's grant id is not a live MembershipId: revoke falls back to looking the membership up.
        assertEquals("revoked", revoke(CAROL_MEMBERSHIP).outcome());
        assertEquals(List.of(), members());
        assertEquals("already-revoked", revoke(CAROL_MEMBERSHIP).outcome());
        assertEquals(List.of(), members());
    }

    @Test
    void flatAccountEntitlementGrantIsIdempotent() throws Exception {
        String carolAssignment = MEMBER + "|" + PERMISSION_SET + "|USER|u-carol";

        Outcome first = grant(MEMBER_ACCOUNT_ACCESS, "sso_user", CAROL);
        assertEquals("granted", first.outcome());
        assertEquals(List.of(Ids.assignmentGrantId("sso_user", CAROL, MEMBER_ACCOUNT_ACCESS)), first.grantIds());
        assertEquals(1, first.requestIds().size());
        assertEquals(List.of(GROUP_ASSIGNMENT, carolAssignment), aws.assignments());

        assertEquals(
                "already-exists",
                grant(MEMBER_ACCOUNT_ACCESS, "sso_user", CAROL).outcome());
        assertEquals(List.of(GROUP_ASSIGNMENT, carolAssignment), aws.assignments());
    }

    @Test
    void flatAccountEntitlementRevokeIsIdempotent() throws Exception {
        String grant = Ids.assignmentGrantId("sso_group", ENGINEERS, MEMBER_ACCOUNT_ACCESS);

        assertEquals("revoked", revoke(grant).outcome());
        assertEquals(List.of(), aws.assignments());
        assertEquals("already-revoked", revoke(grant).outcome());
    }

    @Test
    void bindingGrantAndRevokeAreIdempotent() throws Exception {
        String erinAssignment = MEMBER + "|" + PERMISSION_SET + "|USER|u-erin";
        String grant = Ids.assignmentGrantId("sso_user", ERIN, BINDING_ASSIGNED);

        Outcome granted = grant(BINDING_ASSIGNED, "sso_user", ERIN);
        assertEquals("granted", granted.outcome());
        assertEquals(List.of(grant), granted.grantIds());
        assertEquals("already-exists", grant(BINDING_ASSIGNED, "sso_user", ERIN).outcome());
        assertEquals(List.of(GROUP_ASSIGNMENT, erinAssignment), aws.assignments());

        assertEquals("revoked", revoke(grant).outcome());
        assertEquals("already-revoked", revoke(grant).outcome());
        assertEquals(List.of(GROUP_ASSIGNMENT), aws.assignments());
    }

    @Test
    void bindingRevokeOfAGroupAssignmentUsesTheScopeBinding() throws Exception {
        String grant = Ids.assignmentGrantId("sso_group", ENGINEERS, BINDING_ASSIGNED);

        assertEquals("revoked", revoke(grant).outcome());
        assertEquals("already-revoked", revoke(grant).outcome());
        assertEquals(List.of(), aws.assignments());
    }

    @Test
    void assignmentWaitsForTheAsynchronousStatus() throws Exception {
        Instant before = aws.clock.instant();

        grant(MEMBER_ACCOUNT_ACCESS, "sso_user", CAROL);

        Duration waited = Duration.between(before, aws.clock.instant());
        assertEquals(Duration.ofSeconds(2), waited, "polled at 0 s, 1 s and 2 s; done after 1.5 s");
    }

    @Test
    void assignmentOnASuspendedAccountFailsWithUpstreamsMessage() {
        ProvisioningException e =
                assertThrows(ProvisioningException.class, () -> grant(SUSPENDED_ACCOUNT_ACCESS, "sso_user", CAROL));

        assertEquals(ProvisioningException.Kind.FAILED, e.kind());
        assertEquals("baton-aws: account 333333333333 is not active, status: SUSPENDED", e.getMessage());
        assertEquals(List.of(GROUP_ASSIGNMENT), aws.assignments());
    }

    @Test
    void withoutDescribeAccountASuspendedAccountStillFailsAndNothingIsAssigned() {
        aws.close();
        aws = new SimulatedAws(world -> denyConnector(world, "organizations:DescribeAccount"), 1);
        service = new ProvisioningService(aws.provisioners("iam_user"));

        ProvisioningException e =
                assertThrows(ProvisioningException.class, () -> grant(SUSPENDED_ACCOUNT_ACCESS, "sso_user", CAROL));

        assertEquals(ProvisioningException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().startsWith("baton-aws: "), e.getMessage());
        assertTrue(e.getMessage().contains("333333333333"), e.getMessage());
        assertEquals(List.of(GROUP_ASSIGNMENT), aws.assignments());
    }

    @Test
    void assignmentThatNeverCompletesTimesOut() {
        aws.close();
        aws = new SimulatedAws(world -> world.withObjectProperty("limits").put("assignmentDelayMs", 3_600_000), 1);
        service = new ProvisioningService(aws.provisioners("iam_user", Duration.ofSeconds(10)));

        ProvisioningException e =
                assertThrows(ProvisioningException.class, () -> grant(MEMBER_ACCOUNT_ACCESS, "sso_user", CAROL));

        assertEquals(
                "baton-aws: account assignment creation timed out. Cannot verify if operation completed "
                        + "successfully: context deadline exceeded",
                e.getMessage());
    }

    private static void denyConnector(ObjectNode world, String action) {
        ObjectNode connector = (ObjectNode)
                world.path("accounts").get(0).path("iam").path("users").get(0);
        connector.putArray("deny").add(action);
    }

    private List<String> members() {
        return SimulatedAws.texts(SimulatedAws.find(aws.identityCenter().path("groups"), "id", "g-engineers")
                        .path("members"))
                .stream()
                .sorted()
                .toList();
    }
}
