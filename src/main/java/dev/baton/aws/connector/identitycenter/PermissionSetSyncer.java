package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.ResourceBuilder;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.model.AttachedManagedPolicy;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;

/**
 * Resource type {@code permission_set}: Identity Center permission sets, synced as roles. Their managed policies
 * are structural grants (no expansion: access flows through the bindings); their inline policy is an
 * {@code inline_policy} child.
 */
final class PermissionSetSyncer implements ResourceSyncer {
    private final PermissionSetCatalog catalog;
    private final boolean syncPolicyGrants;
    private final ResourceType resourceType;

    /** @param syncPolicyGrants {@code iam_policy} is synced in this run; without it there are no grants */
    PermissionSetSyncer(PermissionSetCatalog catalog, boolean syncPolicyGrants) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.syncPolicyGrants = syncPolicyGrants;
        this.resourceType = syncPolicyGrants
                ? ResourceTypes.PERMISSION_SET
                : ResourceTypes.withoutGrants(ResourceTypes.PERMISSION_SET);
    }

    @Override
    public ResourceType resourceType() {
        return resourceType;
    }

    /**
     * Pages over the cached permission-set list (shared with the account entitlements, so
     * {@code sso:ListPermissionSets} runs once per sync), {@value PermissionSetCatalog#PAGE_SIZE} per page.
     */
    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (parent != null) {
            return Page.empty();
        }
        List<String> all = catalog.allArns();
        int start = SsoPageToken.decode(token).permissionSetIndex();
        int end = Math.min(start + PermissionSetCatalog.PAGE_SIZE, all.size());
        List<Resource> resources = new ArrayList<>();
        for (String permissionSetArn : all.subList(Math.min(start, end), end)) {
            resources.add(toResource(catalog.describe(permissionSetArn)));
        }
        return new Page<>(resources, end < all.size() ? SsoPageToken.index(end) : PageToken.first());
    }

    /** Id: the bare permission-set ARN, which must byte-match the binding's {@code role_id}. */
    static Resource toResource(PermissionSet permissionSet) {
        return ResourceBuilder.builder(ResourceTypes.PERMISSION_SET_ID, permissionSet.permissionSetArn())
                .displayName(permissionSet.name())
                .description(AwsValues.text(permissionSet.description()))
                .childType(ResourceTypes.INLINE_POLICY_ID)
                .roleTrait()
                .build();
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.empty();
    }

    /** Policy grants from the cached managed-policy list (shared with the bindings); gone or hidden sets warn. */
    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        if (!syncPolicyGrants) {
            return Page.empty();
        }
        return Page.last(policyGrants(
                resource.getId(), catalog.managedPolicies(resource.getId().getResource())));
    }

    static List<Grant> policyGrants(ResourceId permissionSet, List<AttachedManagedPolicy> managed) {
        return managed.stream()
                .map(policy -> PolicyGrants.attached(policy.arn(), policy.name(), permissionSet, List.of()))
                .toList();
    }
}
