package dev.baton.aws.provisioning;

import static dev.baton.aws.provisioning.SyncFileFixture.ADMINS;
import static dev.baton.aws.provisioning.SyncFileFixture.ADMINS_MEMBER;
import static dev.baton.aws.provisioning.SyncFileFixture.ADMIN_ACCESS;
import static dev.baton.aws.provisioning.SyncFileFixture.ADMIN_ACCESS_ATTACHED;
import static dev.baton.aws.provisioning.SyncFileFixture.ALICE;
import static dev.baton.aws.provisioning.SyncFileFixture.ALICE_INLINE;
import static dev.baton.aws.provisioning.SyncFileFixture.APP_ROLE;
import static dev.baton.aws.provisioning.SyncFileFixture.BOB;
import static dev.baton.aws.provisioning.SyncFileFixture.CHILD_USER;
import static dev.baton.aws.provisioning.SyncFileFixture.GROUP_INLINE;
import static dev.baton.aws.provisioning.SyncFileFixture.MANAGEMENT;
import static dev.baton.aws.provisioning.SyncFileFixture.READ_ONLY;
import static dev.baton.aws.provisioning.SyncFileFixture.READ_ONLY_ATTACHED;
import static dev.baton.aws.provisioning.SyncFileFixture.ROLE_INLINE;
import static dev.baton.aws.provisioning.SyncFileFixture.grantId;
import static dev.baton.aws.provisioning.SyncFileFixture.inlineEntitlementId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The IAM rows of the grant/revoke matrix, end to end: one-shot request → c1z → provisioner → real SDK client →
 * simulator. Each write runs twice; the second must report "already" and change nothing. World state is read back
 * through {@code GET /_simulator/world} after every step.
 */
class IamProvisioningTest extends SimulatedProvisioningTest {

    @Test
    void groupMembershipGrantIsIdempotent() throws Exception {
        Outcome first = grant(ADMINS_MEMBER, "iam_user", BOB);
        assertEquals("granted", first.outcome());
        assertEquals(List.of(grantId(ADMINS_MEMBER, "iam_user", BOB)), first.grantIds());
        assertEquals(1, first.requestIds().size(), "AddUserToGroup's request id");
        assertEquals(List.of("admins"), groupsOf("bob"));

        Outcome second = grant(ADMINS_MEMBER, "iam_user", BOB);
        assertEquals("already-exists", second.outcome());
        assertEquals(List.of(grantId(ADMINS_MEMBER, "iam_user", BOB)), second.grantIds());
        assertEquals(List.of("admins"), groupsOf("bob"));
    }

    @Test
    void groupMembershipRevokeOfAnAbsentMembershipSucceeds() throws Exception {
        String grant = grantId(ADMINS_MEMBER, "iam_user", ALICE);

        assertEquals("revoked", revoke(grant).outcome());
        assertEquals(List.of(), groupsOf("alice"));
        assertEquals("already-revoked", revoke(grant).outcome());
        assertEquals(List.of(), groupsOf("alice"));
    }

    @Test
    void groupMembershipAcrossAccountsIsRefusedBeforeAnyWrite() {
        ProvisioningException e =
                assertThrows(ProvisioningException.class, () -> grant(ADMINS_MEMBER, "iam_user", CHILD_USER));

        assertEquals(ProvisioningException.Kind.FAILED, e.kind());
        assertTrue(e.getMessage().contains("an IAM group can only hold users of its own account"), e.getMessage());
        assertEquals(
                List.of("ops"),
                SimulatedAws.texts(
                        aws.iamEntity("222222222222", "users", "dave").path("groups")));
    }

    @Test
    void managedPolicyAttachToUserIsIdempotent() throws Exception {
        assertEquals("granted", grant(READ_ONLY_ATTACHED, "iam_user", BOB).outcome());
        assertEquals(List.of(READ_ONLY), attached("users", "bob"));
        assertEquals(
                "already-exists", grant(READ_ONLY_ATTACHED, "iam_user", BOB).outcome());
        assertEquals(List.of(READ_ONLY), attached("users", "bob"));
    }

    @Test
    void managedPolicyAttachAndDetachOnARoleAreIdempotent() throws Exception {
        Outcome granted = grant(READ_ONLY_ATTACHED, "role", APP_ROLE);
        assertEquals("granted", granted.outcome());
        assertEquals(List.of(grantId(READ_ONLY_ATTACHED, "role", APP_ROLE)), granted.grantIds());
        assertEquals(
                "already-exists", grant(READ_ONLY_ATTACHED, "role", APP_ROLE).outcome());
        assertEquals(List.of(READ_ONLY), attached("roles", "app"));

        String grant = grantId(READ_ONLY_ATTACHED, "role", APP_ROLE);
        assertEquals("revoked", revoke(grant).outcome());
        assertEquals(List.of(), attached("roles", "app"));
        assertEquals("already-revoked", revoke(grant).outcome());
    }

    @Test
    void awsManagedPolicyAttachToGroupIsIdempotent() throws Exception {
        assertEquals("granted", grant(ADMIN_ACCESS_ATTACHED, "group", ADMINS).outcome());
        assertEquals(
                "already-exists", grant(ADMIN_ACCESS_ATTACHED, "group", ADMINS).outcome());
        assertEquals(List.of(READ_ONLY, ADMIN_ACCESS), attached("groups", "admins"));
    }

    @Test
    void managedPolicyDetachFromGroupAndUserIsIdempotent() throws Exception {
        String fromGroup = grantId(READ_ONLY_ATTACHED, "group", ADMINS);
        String fromUser = grantId(READ_ONLY_ATTACHED, "iam_user", ALICE);

        assertEquals("revoked", revoke(fromGroup).outcome());
        assertEquals("already-revoked", revoke(fromGroup).outcome());
        assertEquals(List.of(), attached("groups", "admins"));
        assertEquals("revoked", revoke(fromUser).outcome());
        assertEquals("already-revoked", revoke(fromUser).outcome());
        assertEquals(List.of(ADMIN_ACCESS), attached("users", "alice"));
    }

    @Test
    void inlinePolicyRevokeDeletesItOnceForUserRoleAndGroup() throws Exception {
        for (String[] row : List.of(
                new String[] {ALICE_INLINE, "iam_user", ALICE, "users", "alice"},
                new String[] {ROLE_INLINE, "role", APP_ROLE, "roles", "app"},
                new String[] {GROUP_INLINE, "group", ADMINS, "groups", "admins"})) {
            String grant = grantId(inlineEntitlementId(row[0]), row[1], row[2]);

            assertEquals("revoked", revoke(grant).outcome(), row[0]);
            assertEquals(
                    0,
                    aws.iamEntity(MANAGEMENT, row[3], row[4])
                            .path("inlinePolicies")
                            .size(),
                    row[0]);
            assertEquals("already-revoked", revoke(grant).outcome(), row[0]);
        }
    }

    @Test
    void inlinePolicyGrantIsRefusedClearly() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class, () -> grant(inlineEntitlementId(ALICE_INLINE), "iam_user", ALICE));

        assertEquals(ProvisioningException.Kind.FAILED, e.kind());
        assertEquals("baton-aws: inline policies cannot be created via provisioning", e.getMessage());
        assertFalse(aws.iamEntity(MANAGEMENT, "users", "alice")
                .path("inlinePolicies")
                .isEmpty());
    }

    @Test
    void roleAssignmentIsNotProvisionable() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class, () -> grant(SyncFileFixture.APP_ROLE_ASSIGNMENT, "iam_user", BOB));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("resource type 'role' does not support grant"), e.getMessage());
    }

    private List<String> groupsOf(String user) {
        return SimulatedAws.texts(aws.iamEntity(MANAGEMENT, "users", user).path("groups"));
    }

    /** Attached policies as ARNs; the world may record customer policies by name. */
    private List<String> attached(String kind, String name) {
        JsonNode entity = aws.iamEntity(MANAGEMENT, kind, name);
        return SimulatedAws.texts(entity.path("attachedPolicies")).stream()
                .map(p -> p.startsWith("arn:") ? p : "arn:aws:iam::" + MANAGEMENT + ":policy/" + p)
                .toList();
    }
}
