package dev.baton.aws.sync.expand;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The part of the sync store grant expansion reads and writes. Reads see every earlier write (read-your-writes).
 * The expander never writes from inside a {@code forEach...} callback, so a store may stream from a cursor.
 */
public interface ExpansionStore {
    Optional<Entitlement> entitlement(String entitlementId);

    Optional<StoredGrant> grant(String grantId);

    /** Every grant whose expansion annotation names at least one non-blank entitlement id. */
    void forEachExpandableGrant(Consumer<StoredGrant> consumer);

    /** Every grant on the entitlement, in a stable store order. */
    void forEachGrantOfEntitlement(String entitlementId, Consumer<StoredGrant> consumer);

    /**
     * The id and principal of every grant on the entitlement. Expansion needs only these to find the existing
     * (entitlement, principal) grants; a store can answer from its index columns without decoding the blobs.
     */
    default void forEachGrantPrincipal(String entitlementId, BiConsumer<String, ResourceId> consumer) {
        forEachGrantOfEntitlement(
                entitlementId,
                stored -> consumer.accept(
                        stored.grant().getId(), stored.grant().getPrincipal().getId()));
    }

    /** Upserts by grant id; a {@code GrantExpandable} annotation on a grant moves to the expansion side column. */
    void putGrants(List<Grant> grants);
}
