package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Entitlements;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.ScopeBindingTrait;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.CustomerManagedPolicyReference;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * Resource type {@code permission_set_assignment}: one scope binding per permission set provisioned to an account
 * ("Permission Set X on Account Y"), listed under its {@code account}. Its {@code assigned} entitlement is granted
 * to the assigned users and groups, and the binding itself holds the permission set's policies on that account,
 * so expansion carries them to everyone assigned.
 */
final class PermissionSetAssignmentSyncer implements ResourceSyncer {
    static final String ASSIGNED = "assigned";

    private final PermissionSetCatalog catalog;
    private final AssignmentReader assignments;

    PermissionSetAssignmentSyncer(PermissionSetCatalog catalog, AssignmentReader assignments) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.assignments = requireNonNull(assignments, "assignments is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.PERMISSION_SET_ASSIGNMENT;
    }

    /** {@value PermissionSetCatalog#PAGE_SIZE} bindings per page, token {@code {"psi":<count emitted so far>}}. */
    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (parent == null || !parent.getResourceType().equals(ResourceTypes.ACCOUNT_ID)) {
            return Page.empty();
        }
        List<String> provisioned = catalog.provisionedTo(parent.getResource());
        int start = SsoPageToken.decode(token).permissionSetIndex();
        int end = Math.min(start + PermissionSetCatalog.PAGE_SIZE, provisioned.size());
        List<Resource> bindings = new ArrayList<>();
        for (String permissionSetArn : provisioned.subList(Math.min(start, end), end)) {
            bindings.add(toResource(catalog.describe(permissionSetArn), parent));
        }
        return new Page<>(bindings, end < provisioned.size() ? SsoPageToken.index(end) : PageToken.first());
    }

    /** Id {@code <permissionSetArn>-<accountId>}: byte-identical to what ConductorOne fabricates for JIT bindings. */
    static Resource toResource(PermissionSet permissionSet, ResourceId account) {
        String accountId = account.getResource();
        return ResourceBuilder.builder(
                        ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID,
                        Ids.permissionSetAssignmentId(permissionSet.permissionSetArn(), accountId))
                .displayName(permissionSet.name() + " on " + accountId)
                .parent(account)
                .scopeBindingTrait(
                        Ids.resourceId(ResourceTypes.PERMISSION_SET_ID, permissionSet.permissionSetArn()), account)
                .build();
    }

    /** The {@code assigned} entitlement: the slug must be exactly that, ConductorOne's scope-binding contract. */
    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.last(List.of(entitlement(resource)));
    }

    static Entitlement entitlement(Resource binding) {
        return Entitlements.assignment(
                binding, ASSIGNED, ASSIGNED, "", List.of(ResourceTypes.SSO_USER, ResourceTypes.SSO_GROUP), List.of());
    }

    /**
     * Phase 1, assignment pages (assignment grants), token {@code {"t":...}} and then always {@code {"pp":true}};
     * phase 2, the policy grants, last page. The account and permission set come from the binding's trait.
     */
    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        ScopeBindingTrait binding = Annotations.find(resource.getAnnotationsList(), ScopeBindingTrait.class)
                .orElseThrow(() -> new SyncException(
                        "permission_set_assignment " + resource.getId().getResource() + " has no scope binding trait"));
        String accountId = binding.getScopeResourceId().getResource();
        String permissionSetArn = binding.getRoleId().getResource();
        SsoPageToken position = SsoPageToken.decode(token);
        if (position.policyPhase()) {
            return Page.last(policyGrants(
                    resource,
                    accountId,
                    catalog.managedPolicies(permissionSetArn),
                    catalog.customerManagedPolicies(permissionSetArn)));
        }
        AssignmentReader.AssignmentPage page = assignments.read(accountId, permissionSetArn, position.bindingToken());
        List<Grant> grants = AssignmentGrants.grants(entitlement(resource), page.assignments(), catalog.instance());
        PageToken next =
                page.nextToken().isEmpty() ? SsoPageToken.phase(true, "") : SsoPageToken.phase(false, page.nextToken());
        return new Page<>(grants, next);
    }

    /**
     * Policy grants: the binding holds each managed policy (by ARN) and each customer-managed policy (its ARN in the
     * binding's account), expandable to the holders of {@code assigned}. The catalog has already left out policies
     * without an ARN and references without a name.
     */
    static List<Grant> policyGrants(
            Resource binding,
            String accountId,
            List<AttachedManagedPolicy> managed,
            List<CustomerManagedPolicyReference> customerManaged) {
        GrantExpandable expandable = Grants.expandable(Ids.entitlementId(binding.getId(), ASSIGNED), false);
        List<Grant> grants = new ArrayList<>();
        for (AttachedManagedPolicy policy : managed) {
            grants.add(PolicyGrants.attached(policy.arn(), policy.name(), binding.getId(), List.of(expandable)));
        }
        for (CustomerManagedPolicyReference reference : customerManaged) {
            String arn = Ids.customerManagedPolicyArn(accountId, reference.path(), reference.name());
            grants.add(PolicyGrants.attached(arn, reference.name(), binding.getId(), List.of(expandable)));
        }
        return grants;
    }
}
