package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.model.Ids;
import dev.baton.aws.spi.SyncException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

class SsoPrincipalTest {
    @Test
    void userAndGroupIdsComeFromTheArn() throws Exception {
        SsoPrincipal user = SsoPrincipal.of(
                Ids.resourceId("sso_user", "arn:aws:identitystore:us-east-1::d-123/user/906717cc-1234"));
        SsoPrincipal group =
                SsoPrincipal.of(Ids.resourceId("sso_group", "arn:aws:identitystore:us-east-1::d-123/group/g-1"));

        assertEquals(PrincipalType.USER, user.type());
        assertEquals("906717cc-1234", user.id());
        assertEquals(PrincipalType.GROUP, group.type());
        assertEquals("g-1", group.id());
    }

    @Test
    void otherTypesAreRefusedWithUpstreamsMessage() {
        SyncException e = assertThrows(
                SyncException.class,
                () -> SsoPrincipal.of(Ids.resourceId("iam_user", "arn:aws:iam::111111111111:user/a")));

        assertEquals("baton-aws: invalid principal resource type: iam_user", e.getMessage());
    }

    @Test
    void anArnWithoutTheMarkerIsRefused() {
        assertThrows(SyncException.class, () -> SsoPrincipal.userId("arn:aws:identitystore:us-east-1::d-123/group/g"));
        assertThrows(SyncException.class, () -> SsoPrincipal.groupId("g-1"));
    }

    @Test
    void accountEntitlementIdSplitsOnTheFirstBar() throws Exception {
        AccountProvisioner.Binding binding =
                AccountProvisioner.Binding.parse("222222222222|arn:aws:sso:::permissionSet/ssoins-1/ps-1");

        assertEquals("222222222222", binding.accountId());
        assertEquals("arn:aws:sso:::permissionSet/ssoins-1/ps-1", binding.permissionSetArn());
        SyncException e = assertThrows(SyncException.class, () -> AccountProvisioner.Binding.parse("no-bar"));
        assertEquals("baton-aws: invalid permission set to account binding id", e.getMessage());
    }
}
