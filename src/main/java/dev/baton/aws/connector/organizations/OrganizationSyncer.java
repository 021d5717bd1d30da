package dev.baton.aws.connector.organizations;

import static java.util.Objects.requireNonNull;

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
import java.util.List;
import software.amazon.awssdk.services.organizations.model.Root;

/**
 * Resource type {@code organization}: the roots of the AWS organization (read-only hierarchy context). The roots
 * come from the shared {@link OrganizationHierarchy}, so a denied {@code ListRoots} yields no roots and one warning.
 */
final class OrganizationSyncer implements ResourceSyncer {
    private final OrganizationHierarchy hierarchy;

    OrganizationSyncer(OrganizationHierarchy hierarchy) {
        this.hierarchy = requireNonNull(hierarchy, "hierarchy is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.ORGANIZATION;
    }

    /** Roots are top-level only; an organization has a single root, so this is always one page. */
    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (parent != null) {
            return Page.empty();
        }
        List<Resource> resources =
                hierarchy.roots().stream().map(OrganizationSyncer::toResource).toList();
        return Page.last(resources);
    }

    static Resource toResource(Root root) {
        return ResourceBuilder.builder(ResourceTypes.ORGANIZATION_ID, root.id())
                .displayName(displayName(root.name(), root.id()))
                .childType(ResourceTypes.ORGANIZATIONAL_UNIT_ID)
                .build();
    }

    /** Organizations lets names be empty; the id then stands in, as upstream does. */
    static String displayName(String name, String id) {
        return name == null || name.isEmpty() ? id : name;
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return Page.empty();
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) {
        return Page.empty();
    }
}
