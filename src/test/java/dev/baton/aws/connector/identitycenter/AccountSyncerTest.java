package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.AppTrait;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

class AccountSyncerTest {
    static final String PS_ARN = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-0123456789abcdef";

    static Resource account() {
        return AccountSyncer.toResource(
                Account.builder()
                        .id("222222222222")
                        .name("prod")
                        .arn("arn:aws:organizations::111111111111:account/o-example123/222222222222")
                        .build(),
                null);
    }

    static PermissionSet permissionSet() {
        return PermissionSet.builder()
                .permissionSetArn(PS_ARN)
                .name("Admin")
                .description("Full access")
                .build();
    }

    @Test
    void accountIsAnAppWithTheBindingsAsChildren() {
        Resource resource = account();
        assertEquals("account", resource.getId().getResourceType());
        assertEquals("222222222222", resource.getId().getResource());
        assertEquals("prod", resource.getDisplayName());
        assertFalse(resource.hasParentResourceId());
        assertEquals(
                "arn:aws:organizations::111111111111:account/o-example123/222222222222",
                Profiles.string(resource.getProfile(), "aws_account_arn"));
        assertEquals("222222222222", Profiles.string(resource.getProfile(), "aws_account_id"));
        assertEquals(
                "222222222222",
                Annotations.find(resource.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
        assertEquals(
                "permission_set_assignment",
                Annotations.find(resource.getAnnotationsList(), ChildResourceType.class)
                        .orElseThrow()
                        .getResourceTypeId());
        assertTrue(Annotations.has(resource.getAnnotationsList(), AppTrait.class));
    }

    @Test
    void accountUnderAnOuCarriesItAsParent() {
        Resource resource = AccountSyncer.toResource(
                Account.builder().id("222222222222").name("prod").arn("a").build(),
                Ids.resourceId("organizational_unit", "ou-ab12-11111111"));
        assertEquals("organizational_unit", resource.getParentResourceId().getResourceType());
        assertEquals("ou-ab12-11111111", resource.getParentResourceId().getResource());
    }

    @Test
    void flatEntitlementPerPermissionSet() {
        Entitlement entitlement = AccountSyncer.entitlement(account(), permissionSet());
        assertEquals("222222222222|" + PS_ARN, entitlement.getId());
        assertEquals("Admin access", entitlement.getSlug());
        assertEquals("Admin Permission Set", entitlement.getDisplayName());
        assertEquals("Full access", entitlement.getDescription());
        assertEquals(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT, entitlement.getPurpose());
        assertEquals(
                List.of("sso_user", "sso_group"),
                entitlement.getGrantableToList().stream()
                        .map(ResourceType::getId)
                        .toList());
        assertEquals(
                "222222222222|" + PS_ARN,
                Annotations.find(entitlement.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
        assertEquals(account().getId(), entitlement.getResource().getId());
    }

    @Test
    void grantCopyOfTheEntitlementHasNoSlugAndListsGroupsFirst() {
        Entitlement copy = AccountSyncer.grantEntitlement(account(), permissionSet());
        assertEquals("222222222222|" + PS_ARN, copy.getId());
        assertEquals("", copy.getSlug());
        assertEquals(
                List.of("sso_group", "sso_user"),
                copy.getGrantableToList().stream().map(ResourceType::getId).toList());
        assertEquals("Admin Permission Set", copy.getDisplayName());
    }

    @Test
    void missingDescriptionBecomesEmpty() {
        Entitlement entitlement = AccountSyncer.entitlement(
                account(),
                PermissionSet.builder()
                        .permissionSetArn(PS_ARN)
                        .name("ReadOnly")
                        .build());
        assertEquals("", entitlement.getDescription());
    }
}
