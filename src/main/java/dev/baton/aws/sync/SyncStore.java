package dev.baton.aws.sync;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.sync.expand.ExpansionStore;
import dev.baton.aws.sync.expand.StoredGrant;
import java.util.List;
import java.util.Optional;

/**
 * Where one sync is written: the engine's only output, read back for grant expansion. Puts are upserts keyed
 * like the c1z unique indexes (type id, {@code type:id}, entitlement id, grant id). A {@code GrantExpandable}
 * annotation on a put grant is stripped from the blob and kept beside it ({@link StoredGrant#expandable()}).
 *
 * <p>Not thread-safe: the engine touches a store from one thread only (SQLite sees one writer). Failures of the
 * underlying file surface as unchecked exceptions from the put and read methods. The caller owns the lifecycle:
 * after a successful {@link SyncEngine#run()} it calls {@link #finish()}, and it always calls {@link #close()}.
 */
public interface SyncStore extends ExpansionStore, AutoCloseable {
    void putResourceTypes(List<ResourceType> resourceTypes);

    void putResources(List<Resource> resources);

    void putEntitlements(List<Entitlement> entitlements);

    @Override
    void putGrants(List<Grant> grants);

    boolean hasResource(ResourceId id);

    /** True when an entitlement with this id was written in this sync. */
    boolean hasEntitlement(String entitlementId);

    boolean hasResourceType(String resourceTypeId);

    Optional<Resource> resource(ResourceId id);

    /** Row counts of this sync, as a reader would count them (duplicates upserted once). */
    StoreCounts counts();

    /** Where the sync's progress is kept so an interrupted run can be continued; {@link SyncCheckpoint#NONE} if not. */
    default SyncCheckpoint checkpoint() {
        return SyncCheckpoint.NONE;
    }

    /** Marks the sync finished and publishes the result (for a c1z: compress and atomically rename). */
    void finish() throws SyncException;

    /** Releases resources; a store closed without {@link #finish()} publishes nothing. */
    @Override
    void close();
}
