package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;

class PermissionSetSyncerTest {
    @Test
    void permissionSetIsARoleWithInlinePolicyChildren() {
        Resource resource = PermissionSetSyncer.toResource(AccountSyncerTest.permissionSet());
        assertEquals("permission_set", resource.getId().getResourceType());
        assertEquals(AccountSyncerTest.PS_ARN, resource.getId().getResource());
        assertEquals("Admin", resource.getDisplayName());
        assertEquals("Full access", resource.getDescription());
        assertEquals(
                "inline_policy",
                Annotations.find(resource.getAnnotationsList(), ChildResourceType.class)
                        .orElseThrow()
                        .getResourceTypeId());
        assertEquals(true, Annotations.has(resource.getAnnotationsList(), RoleTrait.class));
        assertEquals(false, Annotations.has(resource.getAnnotationsList(), V1Identifier.class));
    }

    @Test
    void managedPoliciesAreStructuralGrantsWithoutExpansion() {
        Resource resource = PermissionSetSyncer.toResource(AccountSyncerTest.permissionSet());
        List<Grant> grants = PermissionSetSyncer.policyGrants(
                resource.getId(),
                List.of(AttachedManagedPolicy.builder()
                        .name("AdministratorAccess")
                        .arn("arn:aws:iam::aws:policy/AdministratorAccess")
                        .build()));
        assertEquals(1, grants.size());
        assertEquals(
                "iam_policy:arn:aws:iam::aws:policy/AdministratorAccess:attached:permission_set:"
                        + AccountSyncerTest.PS_ARN,
                grants.get(0).getId());
        assertEquals(0, grants.get(0).getAnnotationsCount());
    }
}
