package dev.baton.aws.sync.expand;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the expansion edges out of the store's expandable grants. A grant on D carrying
 * {@code GrantExpandable{[S]}} is the edge S → D; it is only meaningful when S belongs to the grant's principal
 * (a group's member entitlement on a grant to that group), and the SDK fails the sync otherwise, so do we.
 */
final class EdgeLoader {
    private static final String MISSING = "";

    private final ExpansionStore store;
    private final SyncWarnings warnings;
    /** Source entitlement id → key of its resource, or {@link #MISSING}; one store read per distinct source. */
    private final Map<String, String> sourceResourceKeys = new HashMap<>();

    private final EntitlementGraph graph = new EntitlementGraph();
    private long droppedEdges;
    private String failure;

    EdgeLoader(ExpansionStore store, SyncWarnings warnings) {
        this.store = store;
        this.warnings = warnings;
    }

    EntitlementGraph load() throws SyncException {
        store.forEachExpandableGrant(this::addEdges);
        if (failure != null) {
            throw new SyncException(failure);
        }
        return graph;
    }

    long droppedEdges() {
        return droppedEdges;
    }

    private void addEdges(StoredGrant stored) {
        if (failure != null || !stored.isExpandable()) {
            return;
        }
        Grant grant = stored.grant();
        String destination = grant.getEntitlement().getId();
        String principalKey = Ids.resourceKey(grant.getPrincipal().getId());
        EdgeSpec spec = EdgeSpec.of(
                stored.expandable().getShallow(), stored.expandable().getResourceTypeIdsList());
        for (String source : stored.expandable().getEntitlementIdsList()) {
            if (source.isBlank()) {
                continue;
            }
            String sourceResourceKey = sourceResourceKeys.computeIfAbsent(source, this::resourceKeyOf);
            if (sourceResourceKey.equals(MISSING)) {
                droppedEdges++;
                warnings.warn("grant expansion: grant " + grant.getId() + " expands from entitlement " + source
                        + ", which was not synced; that edge is ignored");
            } else if (!sourceResourceKey.equals(principalKey)) {
                failure = "grant expansion: grant " + grant.getId() + " expands from entitlement " + source
                        + " of resource " + sourceResourceKey + ", but its principal is " + principalKey;
                return;
            } else {
                graph.addEdge(source, destination, spec);
            }
        }
    }

    private String resourceKeyOf(String entitlementId) {
        return store.entitlement(entitlementId)
                .map(Entitlement::getResource)
                .map(resource -> Ids.resourceKey(resource.getId()))
                .orElse(MISSING);
    }
}
