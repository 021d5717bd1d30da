package dev.baton.aws.sync.expand;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantImmutable;
import dev.baton.aws.proto.c1.connector.v2.GrantSources;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The grants one destination entitlement D receives in one layer. Holds only D's principal index (principal key →
 * grant ids, because an existing grant for (D, P) may have any id, e.g. an account assignment's custom id) and the
 * changed grants not yet written; those are written sorted by id, in chunks, between source streams.
 */
final class DestinationUpdate {
    private static final Any IMMUTABLE = Any.pack(GrantImmutable.getDefaultInstance());
    private static final int WRITE_CHUNK = 5_000;
    /** The richer embedding first (more bytes), then the smaller bytes: independent of arrival order. */
    private static final Comparator<Resource> PRINCIPAL_ORDER = Comparator.comparingInt(
                    (Resource resource) -> -resource.getSerializedSize())
            .thenComparing(resource -> resource.toByteString(), ByteString.unsignedLexicographicalComparator());

    private final ExpansionStore store;
    private final Entitlement destination;
    private final Map<String, List<String>> grantIdsByPrincipal = new HashMap<>();
    private final TreeMap<String, StoredGrant> pending = new TreeMap<>();
    private final Set<String> createdHere = new HashSet<>();
    private long created;
    private long updated;

    DestinationUpdate(ExpansionStore store, Entitlement destination) {
        this.store = store;
        this.destination = destination;
        store.forEachGrantPrincipal(
                destination.getId(), (grantId, principal) -> index(Ids.resourceKey(principal), grantId));
    }

    /** Applies one grant of the source entitlement: creates (D, P) or adds the source to every existing (D, P). */
    void absorb(Inflow inflow, SourceGrant sourceGrant) {
        Resource principal = sourceGrant.principal();
        if (!inflow.spec().admits(principal.getId().getResourceType())) {
            return;
        }
        boolean direct = sourceGrant.direct();
        if (inflow.spec().shallow() && !direct) {
            return;
        }
        String principalKey = Ids.resourceKey(principal.getId());
        List<String> existing = grantIdsByPrincipal.get(principalKey);
        if (existing == null) {
            Grant fresh = newGrant(principal, inflow.sourceEntitlementId(), direct);
            pending.put(fresh.getId(), new StoredGrant(fresh, null));
            createdHere.add(fresh.getId());
            index(principalKey, fresh.getId());
            created++;
            return;
        }
        for (String grantId : existing) {
            current(grantId).ifPresent(stored -> addSource(stored, inflow.sourceEntitlementId(), direct));
            if (createdHere.contains(grantId)) {
                keepStablePrincipal(grantId, principal);
            }
        }
    }

    /**
     * Two source grants may embed the same principal differently ({@code {id}} or the full resource); which one
     * is streamed first depends on the store's row order, so pick by content instead of arrival.
     */
    private void keepStablePrincipal(String grantId, Resource candidate) {
        StoredGrant stored = pending.get(grantId);
        if (stored == null || stored.grant().getPrincipal().equals(candidate)) {
            return;
        }
        if (PRINCIPAL_ORDER.compare(candidate, stored.grant().getPrincipal()) < 0) {
            pending.put(
                    grantId,
                    new StoredGrant(
                            stored.grant().toBuilder().setPrincipal(candidate).build(), stored.expandable()));
        }
    }

    int pendingCount() {
        return pending.size();
    }

    /** Writes the changed grants; never called from inside a store stream. */
    void flush() {
        List<Grant> chunk = new ArrayList<>(Math.min(WRITE_CHUNK, pending.size()));
        for (StoredGrant stored : pending.values()) {
            chunk.add(withExpansion(stored));
            if (chunk.size() == WRITE_CHUNK) {
                store.putGrants(chunk);
                chunk = new ArrayList<>(WRITE_CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            store.putGrants(chunk);
        }
        pending.clear();
    }

    long created() {
        return created;
    }

    long updated() {
        return updated;
    }

    private Optional<StoredGrant> current(String grantId) {
        StoredGrant inMemory = pending.get(grantId);
        return inMemory != null ? Optional.of(inMemory) : store.grant(grantId);
    }

    /**
     * A grant that was held before gets a self entry first ("also held directly"), then the source; a direct
     * source upgrades an indirect one. Its annotations stay as they are: a direct grant never becomes immutable.
     */
    private void addSource(StoredGrant stored, String sourceEntitlementId, boolean direct) {
        Grant grant = stored.grant();
        Map<String, GrantSources.GrantSource> sources = grant.getSources().getSourcesMap();
        GrantSources.GrantSource known = sources.get(sourceEntitlementId);
        boolean needsSelf = sources.isEmpty();
        boolean needsSource = known == null || (direct && !known.getIsDirect());
        if (!needsSelf && !needsSource) {
            return;
        }
        GrantSources.Builder builder = grant.getSources().toBuilder();
        if (needsSelf) {
            builder.putSources(destination.getId(), source(true));
        }
        if (needsSource) {
            builder.putSources(sourceEntitlementId, source(direct));
        }
        if (!pending.containsKey(grant.getId())) {
            updated++;
        }
        pending.put(
                grant.getId(),
                new StoredGrant(grant.toBuilder().setSources(builder).build(), stored.expandable()));
    }

    private Grant newGrant(Resource principal, String sourceEntitlementId, boolean direct) {
        return Grant.newBuilder()
                .setId(Ids.grantId(destination.getId(), principal.getId()))
                .setEntitlement(destination)
                .setPrincipal(principal)
                .setSources(GrantSources.newBuilder().putSources(sourceEntitlementId, source(direct)))
                .addAnnotations(IMMUTABLE)
                .build();
    }

    private static GrantSources.GrantSource source(boolean direct) {
        return GrantSources.GrantSource.newBuilder().setIsDirect(direct).build();
    }

    /** Puts the expansion annotation back so the store keeps the grant's expansion column (PreserveExpansion). */
    private static Grant withExpansion(StoredGrant stored) {
        return stored.isExpandable()
                ? stored.grant().toBuilder()
                        .addAnnotations(Any.pack(stored.expandable()))
                        .build()
                : stored.grant();
    }

    private void index(String principalKey, String grantId) {
        grantIdsByPrincipal.merge(principalKey, List.of(grantId), (old, added) -> {
            List<String> merged = new ArrayList<>(old);
            merged.addAll(added);
            return List.copyOf(merged);
        });
    }
}
