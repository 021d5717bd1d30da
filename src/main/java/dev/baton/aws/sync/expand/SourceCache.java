package dev.baton.aws.sync.expand;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The grants of one layer's source entitlements, read from the store once each. A source that flows into several
 * destinations of the layer is kept (as {@link SourceGrant}s, principal and direct flag only) from its first
 * destination until its last one, then dropped; destinations still run one at a time in id order. At most
 * {@code budget} grants are kept in all: a source that does not fit is streamed again for each destination, so
 * memory stays bounded however the graph fans out.
 */
final class SourceCache {
    private final ExpansionStore store;
    private final long budget;
    /** Source entitlement id → destinations of this layer that have not read it yet. */
    private final Map<String, Integer> readsLeft = new HashMap<>();

    private final Map<String, List<SourceGrant>> kept = new HashMap<>();
    private long keptGrants;

    SourceCache(ExpansionStore store, Collection<List<Inflow>> layerInflows, long budget) {
        this.store = store;
        this.budget = budget;
        for (List<Inflow> inflows : layerInflows) {
            for (Inflow inflow : inflows) {
                readsLeft.merge(inflow.sourceEntitlementId(), 1, Integer::sum);
            }
        }
    }

    /** A destination that will not read {@code sourceEntitlementId} after all (it is missing from the sync). */
    void skip(String sourceEntitlementId) {
        if (readsLeft.merge(sourceEntitlementId, -1, Integer::sum) <= 0) {
            List<SourceGrant> dropped = kept.remove(sourceEntitlementId);
            keptGrants -= dropped == null ? 0 : dropped.size();
        }
    }

    /** Hands every grant of {@code sourceEntitlementId} to {@code consumer}, from memory when it was kept. */
    void forEachGrant(String sourceEntitlementId, Consumer<SourceGrant> consumer) {
        int left = readsLeft.merge(sourceEntitlementId, -1, Integer::sum);
        List<SourceGrant> grants = left <= 0 ? kept.remove(sourceEntitlementId) : kept.get(sourceEntitlementId);
        if (grants != null) {
            if (left <= 0) {
                keptGrants -= grants.size();
            }
            grants.forEach(consumer);
            return;
        }
        if (left <= 0) {
            store.forEachGrantOfEntitlement(
                    sourceEntitlementId, stored -> consumer.accept(SourceGrant.of(sourceEntitlementId, stored)));
            return;
        }
        List<SourceGrant> read = new ArrayList<>();
        long[] streamed = {0};
        store.forEachGrantOfEntitlement(sourceEntitlementId, stored -> {
            SourceGrant grant = SourceGrant.of(sourceEntitlementId, stored);
            consumer.accept(grant);
            streamed[0]++;
            if (keptGrants + streamed[0] <= budget) {
                read.add(grant);
            }
        });
        if (read.size() == streamed[0]) { // kept only whole: a partial list would lose grants
            kept.put(sourceEntitlementId, read);
            keptGrants += read.size();
        }
    }
}
