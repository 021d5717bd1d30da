package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ScopeBindingTrait;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import java.util.List;

/**
 * Resource type {@code permission_set_assignment}: the {@code assigned} entitlement of a binding. The account and
 * permission set are read from the binding's ScopeBinding trait, never parsed out of its id, because ConductorOne
 * fabricates binding ids and only the trait is authoritative.
 */
public final class PermissionSetAssignmentProvisioner implements GrantProvisioner {
    private final AccountAssignments assignments;

    PermissionSetAssignmentProvisioner(AccountAssignments assignments) {
        this.assignments = requireNonNull(assignments, "assignments is null");
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID;
    }

    @Override
    public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
        SsoPrincipal ssoPrincipal = SsoPrincipal.of(principal.getId());
        ScopeBindingTrait binding = binding(entitlement.getResource());
        return new ProvisionResult(
                List.of(ProvisionedGrants.of(entitlement, ssoPrincipal)),
                List.of(),
                assignments.create(
                        binding.getScopeResourceId().getResource(),
                        binding.getRoleId().getResource(),
                        ssoPrincipal));
    }

    @Override
    public ProvisionResult revoke(Grant grant) throws SyncException {
        SsoPrincipal ssoPrincipal = SsoPrincipal.of(grant.getPrincipal().getId());
        ScopeBindingTrait binding = binding(grant.getEntitlement().getResource());
        return ProvisionResult.ofAnnotations(assignments.delete(
                binding.getScopeResourceId().getResource(), binding.getRoleId().getResource(), ssoPrincipal));
    }

    private static ScopeBindingTrait binding(Resource resource) throws SyncException {
        ScopeBindingTrait trait;
        try {
            trait = Annotations.find(resource.getAnnotationsList(), ScopeBindingTrait.class)
                    .orElse(null);
        } catch (IllegalArgumentException e) {
            throw new SyncException("baton-aws: failed to read scope binding trait: " + e.getMessage(), e);
        }
        if (trait == null) {
            throw new SyncException("baton-aws: failed to read scope binding trait: resource "
                    + resource.getId().getResource() + " has none");
        }
        if (!trait.getRoleId().getResourceType().equals(ResourceTypes.PERMISSION_SET_ID)
                || !trait.getScopeResourceId().getResourceType().equals(ResourceTypes.ACCOUNT_ID)) {
            throw new SyncException("baton-aws: failed to read scope binding trait: expected a permission set on "
                    + "an account, got " + trait.getRoleId().getResourceType() + " on "
                    + trait.getScopeResourceId().getResourceType());
        }
        return trait;
    }
}
