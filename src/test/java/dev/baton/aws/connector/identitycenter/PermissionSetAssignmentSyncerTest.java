package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.ScopeBindingTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;

class PermissionSetAssignmentSyncerTest {
    private static final String PS_ARN = AccountSyncerTest.PS_ARN;
    private static final String BINDING_ID = PS_ARN + "-222222222222";

    private static Resource binding() {
        return PermissionSetAssignmentSyncer.toResource(
                AccountSyncerTest.permissionSet(), AccountSyncerTest.account().getId());
    }

    @Test
    void bindingIsAScopeBindingOfPermissionSetOnAccount() {
        Resource binding = binding();
        assertEquals("permission_set_assignment", binding.getId().getResourceType());
        assertEquals(BINDING_ID, binding.getId().getResource());
        assertEquals("Admin on 222222222222", binding.getDisplayName());
        assertEquals(AccountSyncerTest.account().getId(), binding.getParentResourceId());
        ScopeBindingTrait trait = Annotations.find(binding.getAnnotationsList(), ScopeBindingTrait.class)
                .orElseThrow();
        assertEquals("permission_set", trait.getRoleId().getResourceType());
        assertEquals(PS_ARN, trait.getRoleId().getResource());
        assertEquals("account", trait.getScopeResourceId().getResourceType());
        assertEquals("222222222222", trait.getScopeResourceId().getResource());
        assertEquals(false, Annotations.has(binding.getAnnotationsList(), V1Identifier.class));
    }

    @Test
    void assignedEntitlement() {
        Entitlement assigned = PermissionSetAssignmentSyncer.entitlement(binding());
        assertEquals("permission_set_assignment:" + BINDING_ID + ":assigned", assigned.getId());
        assertEquals("assigned", assigned.getSlug());
        assertEquals("assigned", assigned.getDisplayName());
        assertEquals("", assigned.getDescription());
        assertEquals(
                List.of("sso_user", "sso_group"),
                assigned.getGrantableToList().stream().map(ResourceType::getId).toList());
    }

    @Test
    void policyCompositionGrantsExpandToHoldersOfAssigned() throws SyncException {
        List<Grant> grants = PermissionSetAssignmentSyncer.policyGrants(
                binding(),
                "222222222222",
                List.of(AttachedManagedPolicy.builder()
                        .name("ReadOnlyAccess")
                        .arn("arn:aws:iam::aws:policy/ReadOnlyAccess")
                        .build()),
                List.of(
                        CustomerManagedPolicyReference.builder()
                                .name("RootPolicy")
                                .build(),
                        CustomerManagedPolicyReference.builder()
                                .name("DivPolicy")
                                .path("/division_abc/")
                                .build()));
        assertEquals(
                List.of(
                        "iam_policy:arn:aws:iam::aws:policy/ReadOnlyAccess:attached:permission_set_assignment:"
                                + BINDING_ID,
                        "iam_policy:arn:aws:iam::222222222222:policy/RootPolicy:attached:permission_set_assignment:"
                                + BINDING_ID,
                        "iam_policy:arn:aws:iam::222222222222:policy/division_abc/DivPolicy:attached:"
                                + "permission_set_assignment:" + BINDING_ID),
                grants.stream().map(Grant::getId).toList());
        Grant first = grants.get(0);
        assertEquals(
                "iam_policy:arn:aws:iam::aws:policy/ReadOnlyAccess:attached",
                first.getEntitlement().getId());
        assertEquals("ReadOnlyAccess", first.getEntitlement().getResource().getDisplayName());
        assertEquals(BINDING_ID, first.getPrincipal().getId().getResource());
        GrantExpandable expandable = Annotations.find(first.getAnnotationsList(), GrantExpandable.class)
                .orElseThrow();
        assertEquals(
                List.of("permission_set_assignment:" + BINDING_ID + ":assigned"), expandable.getEntitlementIdsList());
        assertEquals(false, expandable.getShallow());
    }
}
