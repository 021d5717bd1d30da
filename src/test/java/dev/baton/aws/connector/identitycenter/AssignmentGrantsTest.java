package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssignmentGrantsTest {
    private static final IdentityCenterInstance INSTANCE =
            new IdentityCenterInstance("us-east-1", "arn:aws:sso:::instance/ssoins-1111222233334444", "d-123");
    private static final String USER_ARN = "arn:aws:identitystore:us-east-1::d-123/user/u1";
    private static final String GROUP_ARN = "arn:aws:identitystore:us-east-1::d-123/group/g1";

    private static Entitlement accountEntitlement() {
        return AccountSyncer.grantEntitlement(AccountSyncerTest.account(), AccountSyncerTest.permissionSet());
    }

    @Test
    void userAssignmentGrantIdAndV1IdentifierFollowUpstream() {
        Entitlement entitlement = accountEntitlement();
        Grant grant = AssignmentGrants.grant(entitlement, new Assignment("USER", "u1"), INSTANCE)
                .orElseThrow();
        assertEquals("grant:sso_user:" + USER_ARN + ":222222222222|" + AccountSyncerTest.PS_ARN, grant.getId());
        assertEquals("sso_user", grant.getPrincipal().getId().getResourceType());
        assertEquals(USER_ARN, grant.getPrincipal().getId().getResource());
        assertEquals(
                "grant:222222222222|" + AccountSyncerTest.PS_ARN + ":" + USER_ARN,
                Annotations.find(grant.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
        assertFalse(Annotations.has(grant.getAnnotationsList(), GrantExpandable.class));
        assertEquals(entitlement, grant.getEntitlement());
    }

    @Test
    void groupAssignmentExpandsToTheGroupMembers() {
        Grant grant = AssignmentGrants.grant(accountEntitlement(), new Assignment("GROUP", "g1"), INSTANCE)
                .orElseThrow();
        assertEquals("grant:sso_group:" + GROUP_ARN + ":222222222222|" + AccountSyncerTest.PS_ARN, grant.getId());
        GrantExpandable expandable = Annotations.find(grant.getAnnotationsList(), GrantExpandable.class)
                .orElseThrow();
        assertEquals(List.of("sso_group:" + GROUP_ARN + ":member"), expandable.getEntitlementIdsList());
        assertFalse(expandable.getShallow());
        assertEquals(true, grant.getAnnotations(0).is(V1Identifier.class), "V1Identifier comes first");
    }

    @Test
    void bindingGrantUsesTheAssignedEntitlementId() {
        Resource binding = PermissionSetAssignmentSyncer.toResource(
                AccountSyncerTest.permissionSet(), AccountSyncerTest.account().getId());
        Entitlement assigned = PermissionSetAssignmentSyncer.entitlement(binding);
        Grant grant = AssignmentGrants.grant(assigned, new Assignment("GROUP", "g1"), INSTANCE)
                .orElseThrow();
        String entitlementId = "permission_set_assignment:" + AccountSyncerTest.PS_ARN + "-222222222222:assigned";
        assertEquals(entitlementId, assigned.getId());
        assertEquals("grant:sso_group:" + GROUP_ARN + ":" + entitlementId, grant.getId());
        assertEquals(
                "grant:" + entitlementId + ":" + GROUP_ARN,
                Annotations.find(grant.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }

    @Test
    void otherPrincipalTypesAreSkipped() {
        List<Grant> grants = AssignmentGrants.grants(
                accountEntitlement(), List.of(new Assignment("USER", "u1"), new Assignment("ROLE", "r1")), INSTANCE);
        assertEquals(1, grants.size());
    }
}
