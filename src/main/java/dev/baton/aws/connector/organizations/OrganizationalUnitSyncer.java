package dev.baton.aws.connector.organizations;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.AwsFailures;
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
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;

/**
 * Resource type {@code organizational_unit}: the OUs under a root or another OU. The engine walks the tree through
 * the {@code ChildResourceType} annotation each root and OU carries; one call lists one page of one node's children.
 */
final class OrganizationalUnitSyncer implements ResourceSyncer {
    private final OrganizationsClient organizations;
    private final AwsGateway gateway;
    private final SyncWarnings warnings;
    private final OrganizationHierarchy hierarchy;

    OrganizationalUnitSyncer(
            OrganizationsClient organizations,
            AwsGateway gateway,
            SyncWarnings warnings,
            OrganizationHierarchy hierarchy) {
        this.organizations = requireNonNull(organizations, "organizations is null");
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.hierarchy = requireNonNull(hierarchy, "hierarchy is null");
    }

    @Override
    public ResourceType resourceType() {
        return ResourceTypes.ORGANIZATIONAL_UNIT;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
        if (parent == null || !isHierarchyNode(parent.getResourceType())) {
            return Page.empty();
        }
        ListOrganizationalUnitsForParentResponse response;
        String requested = token.isFirst() ? null : token.value();
        try {
            response = gateway.call(
                    new AwsOperation("organizations", "ListOrganizationalUnitsForParent", "", parent.getResource()),
                    () -> organizations.listOrganizationalUnitsForParent(
                            ListOrganizationalUnitsForParentRequest.builder()
                                    .parentId(parent.getResource())
                                    .nextToken(requested)
                                    .build()));
        } catch (AwsCallException failure) {
            if (failure.kind() != ErrorKind.ACCESS_DENIED) {
                throw AwsFailures.fatal(failure);
            }
            hierarchy.organizationalUnitsDenied(failure);
            return Page.empty();
        }
        List<Resource> units = new ArrayList<>();
        for (OrganizationalUnit unit : response.organizationalUnits()) {
            String id = IdFromArn.id(unit.id(), unit.arn());
            if (id.isEmpty()) {
                warnings.warn(
                        "baton-aws: skipping organizational_unit " + AwsValues.firstText(unit.name(), "(unidentified)")
                                + " under " + parent.getResource() + ": AWS sent no Id or Arn");
            } else {
                units.add(toResource(unit.toBuilder().id(id).build(), parent));
            }
        }
        return Page.of(units, AwsPaging.nextToken(response.nextToken(), requested));
    }

    private static boolean isHierarchyNode(String resourceType) {
        return resourceType.equals(ResourceTypes.ORGANIZATION_ID)
                || resourceType.equals(ResourceTypes.ORGANIZATIONAL_UNIT_ID);
    }

    static Resource toResource(OrganizationalUnit unit, ResourceId parent) {
        return ResourceBuilder.builder(ResourceTypes.ORGANIZATIONAL_UNIT_ID, unit.id())
                .displayName(OrganizationSyncer.displayName(unit.name(), unit.id()))
                .parent(parent)
                .childType(ResourceTypes.ORGANIZATIONAL_UNIT_ID)
                .build();
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
