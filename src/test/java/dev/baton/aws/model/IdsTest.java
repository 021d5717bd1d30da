package dev.baton.aws.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import org.junit.jupiter.api.Test;

/** Every id shape the connector writes, against the exact string ConductorOne and the baton tools compare. */
class IdsTest {
    private static final String GROUP = "arn:aws:iam::111111111111:group/eng/admins";
    private static final String USER = "arn:aws:iam::111111111111:user/alice";
    private static final String PERMISSION_SET = "arn:aws:sso:::permissionSet/ssoins-1/ps-2";
    private static final ResourceId GROUP_ID = Ids.resourceId("group", GROUP);
    private static final ResourceId USER_ID = Ids.resourceId("iam_user", USER);

    @Test
    void resourceId() {
        assertEquals("group", GROUP_ID.getResourceType());
        assertEquals(GROUP, GROUP_ID.getResource());
    }

    @Test
    void resourceKey() {
        assertEquals("group:arn:aws:iam::111111111111:group/eng/admins", Ids.resourceKey(GROUP_ID));
    }

    @Test
    void entitlementId() {
        assertEquals("group:arn:aws:iam::111111111111:group/eng/admins:member", Ids.entitlementId(GROUP_ID, "member"));
    }

    @Test
    void grantId() {
        assertEquals(
                "group:arn:aws:iam::111111111111:group/eng/admins:member:iam_user:"
                        + "arn:aws:iam::111111111111:user/alice",
                Ids.grantId(Ids.entitlementId(GROUP_ID, "member"), USER_ID));
    }

    @Test
    void inlinePolicyId() {
        assertEquals("arn:aws:iam::111111111111:user/alice::inline::s3-read", Ids.inlinePolicyId(USER, "s3-read"));
    }

    @Test
    void permissionSetAssignmentId() {
        assertEquals(
                "arn:aws:sso:::permissionSet/ssoins-1/ps-2-222222222222",
                Ids.permissionSetAssignmentId(PERMISSION_SET, "222222222222"));
    }

    @Test
    void accountEntitlementId() {
        assertEquals(
                "222222222222|arn:aws:sso:::permissionSet/ssoins-1/ps-2",
                Ids.accountEntitlementId("222222222222", PERMISSION_SET));
    }

    @Test
    void assignmentGrantId() {
        assertEquals(
                "grant:sso_user:arn:aws:identitystore:us-east-1::d-1/user/u-1:222222222222|" + PERMISSION_SET,
                Ids.assignmentGrantId(
                        "sso_user",
                        "arn:aws:identitystore:us-east-1::d-1/user/u-1",
                        Ids.accountEntitlementId("222222222222", PERMISSION_SET)));
    }

    @Test
    void ssoUserAndGroupArnsHaveAnEmptyAccountSegment() {
        assertEquals("arn:aws:identitystore:us-east-1::d-1/user/u-1", Ids.ssoUserArn("us-east-1", "d-1", "u-1"));
        assertEquals("arn:aws:identitystore:eu-west-1::d-1/group/g-1", Ids.ssoGroupArn("eu-west-1", "d-1", "g-1"));
    }

    @Test
    void customerManagedPolicyArnDefaultsItsPath() {
        assertEquals("arn:aws:iam::111111111111:policy/ops", Ids.customerManagedPolicyArn("111111111111", "", "ops"));
        assertEquals(
                "arn:aws:iam::111111111111:policy/team/ops",
                Ids.customerManagedPolicyArn("111111111111", "/team/", "ops"));
    }

    @Test
    void v1MembershipEntitlementId() {
        assertEquals("membership:" + GROUP, Ids.v1MembershipEntitlementId(GROUP));
    }

    @Test
    void v1MembershipGrantId() {
        assertEquals(
                "grant:membership:arn:aws:iam::111111111111:group/eng/admins:arn:aws:iam::111111111111:user/alice",
                Ids.v1MembershipGrantId(GROUP, USER));
    }

    @Test
    void v1AssignmentGrantId() {
        assertEquals(
                "grant:222222222222|" + PERMISSION_SET + ":" + USER,
                Ids.v1AssignmentGrantId(Ids.accountEntitlementId("222222222222", PERMISSION_SET), USER));
    }
}
