package dev.baton.aws.connector.organizations;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncWarnings;
import java.util.List;

/**
 * Builds the Organizations hierarchy syncers of one run ({@code organization}, {@code organizational_unit}) and
 * the {@link OrganizationHierarchy} they share with the {@code account} syncer. Upstream registers them when both
 * Organizations and Identity Center are enabled ({@link OrganizationConfig#identityCenter()}).
 */
public final class OrganizationSyncers {
    private final OrganizationHierarchy hierarchy;
    private final ResourceSyncer organization;
    private final ResourceSyncer organizationalUnit;

    private OrganizationSyncers(
            OrganizationHierarchy hierarchy, ResourceSyncer organization, ResourceSyncer organizationalUnit) {
        this.hierarchy = hierarchy;
        this.organization = organization;
        this.organizationalUnit = organizationalUnit;
    }

    /** Builds the syncers; makes no AWS call (the hierarchy is read on first use). */
    public static OrganizationSyncers create(SyncContext context) {
        AwsClients clients = context.clients();
        SyncScope scope = context.scope();
        SyncWarnings warnings = context.warnings();
        OrganizationHierarchy hierarchy = new OrganizationHierarchy(
                clients.organizations(),
                clients.gateway(),
                warnings,
                scope.includes(ResourceTypes.ORGANIZATION_ID),
                scope.includes(ResourceTypes.ORGANIZATIONAL_UNIT_ID));
        return new OrganizationSyncers(
                hierarchy,
                new OrganizationSyncer(hierarchy),
                new OrganizationalUnitSyncer(clients.organizations(), clients.gateway(), warnings, hierarchy));
    }

    /** Shared with the {@code account} syncer, which parents accounts under the roots and OUs emitted here. */
    public OrganizationHierarchy hierarchy() {
        return hierarchy;
    }

    public ResourceSyncer organization() {
        return organization;
    }

    public ResourceSyncer organizationalUnit() {
        return organizationalUnit;
    }

    /** Both syncers, in upstream registration order. */
    public List<ResourceSyncer> all() {
        return List.of(organization, organizationalUnit);
    }
}
