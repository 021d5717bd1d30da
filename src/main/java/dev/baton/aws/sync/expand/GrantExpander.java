package dev.baton.aws.sync.expand;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Grant expansion with the baton SDK's semantics (docs/grant-kinds.md, "How access flows"): every holder of a source entitlement S also
 * holds each destination D that an expandable grant links to S. Cycles are collapsed, layers run in topological
 * order, and a graph deeper than {@code maxDepth} fails the sync as the SDK does.
 *
 * <p>Memory: the graph holds entitlement ids and int adjacency only; grants are streamed per source entitlement
 * from the store, each source once: a source that flows into several destinations of a layer is kept as
 * principals and flags ({@link SourceCache}, bounded) until its last destination has run. Only one destination's
 * principal index and unwritten changes are held at a time. Output is
 * deterministic: destinations, sources and writes are ordered by id, and merging sources is order-independent.
 */
public final class GrantExpander {
    /**
     * Changed grants held for one destination before they are written between two source streams. A changed grant
     * carries every source it has so far, so these are expansion's largest objects. Fewer held means more grants
     * read back and written again by later sources; 5,000 was tried at XL (docs/benchmarks/2026-12-06-memory.md):
     * a lower live heap, no faster run.
     */
    private static final int FLUSH_THRESHOLD = 20_000;
    /**
     * Source grants kept per layer so that a source flowing into several destinations is read from the store
     * once: a principal and a flag each, about 100-200 bytes (the principal is usually only its id).
     */
    static final long SOURCE_CACHE_BUDGET = 500_000;

    private final ExpansionStore store;
    private final SyncWarnings warnings;
    private final int maxDepth;
    private final ExpansionProgress progress;
    private final long sourceCacheBudget;

    public GrantExpander(ExpansionStore store, SyncWarnings warnings, int maxDepth, ExpansionProgress progress) {
        this(store, warnings, maxDepth, progress, SOURCE_CACHE_BUDGET);
    }

    /** With at most {@code sourceCacheBudget} source grants kept in memory per layer (tests use small ones). */
    GrantExpander(
            ExpansionStore store,
            SyncWarnings warnings,
            int maxDepth,
            ExpansionProgress progress,
            long sourceCacheBudget) {
        if (sourceCacheBudget < 0) {
            throw new IllegalArgumentException("sourceCacheBudget must be >= 0, got " + sourceCacheBudget);
        }
        this.sourceCacheBudget = sourceCacheBudget;
        this.store = requireNonNull(store, "store is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.progress = requireNonNull(progress, "progress is null");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be >= 1, got " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    public ExpansionResult expand() throws SyncException {
        EdgeLoader loader = new EdgeLoader(store, warnings);
        EntitlementGraph graph = loader.load();
        if (graph.edgeCount() == 0) {
            return new ExpansionResult(0, loader.droppedEdges(), 0, 0, 0, 0);
        }
        ExpansionPlan plan = ExpansionPlan.of(graph);
        if (plan.depth() > maxDepth) {
            throw new SyncException("grant expansion: the entitlement graph is " + plan.depth()
                    + " levels deep (through " + plan.deepestEntitlement() + "), more than the limit of " + maxDepth);
        }
        long created = 0;
        long updated = 0;
        for (int layer = 0; layer < plan.layerCount(); layer++) {
            SortedMap<String, List<Inflow>> inflowsByDestination = plan.layer(layer);
            SourceCache sources = new SourceCache(store, inflowsByDestination.values(), sourceCacheBudget);
            for (Map.Entry<String, List<Inflow>> entry : inflowsByDestination.entrySet()) {
                Optional<DestinationUpdate> update = expandInto(entry.getKey(), entry.getValue(), sources);
                created += update.map(DestinationUpdate::created).orElse(0L);
                updated += update.map(DestinationUpdate::updated).orElse(0L);
                progress.layerDone(layer, plan.layerCount(), created); // within a layer too: layers can be long
            }
            progress.layerDone(layer + 1, plan.layerCount(), created);
        }
        return new ExpansionResult(
                graph.edgeCount(), loader.droppedEdges(), plan.collapsedCycles(), plan.depth(), created, updated);
    }

    private Optional<DestinationUpdate> expandInto(String destinationId, List<Inflow> inflows, SourceCache sources) {
        Optional<Entitlement> destination = store.entitlement(destinationId);
        if (destination.isEmpty()) {
            warnings.warn("grant expansion: destination entitlement " + destinationId
                    + " is not in the sync; nothing expands into it");
            inflows.forEach(inflow -> sources.skip(inflow.sourceEntitlementId()));
            return Optional.empty();
        }
        DestinationUpdate update = new DestinationUpdate(store, destination.get());
        for (Inflow inflow : inflows) {
            sources.forEachGrant(inflow.sourceEntitlementId(), grant -> update.absorb(inflow, grant));
            if (update.pendingCount() >= FLUSH_THRESHOLD) {
                update.flush();
            }
        }
        update.flush();
        return Optional.of(update);
    }
}
