package dev.baton.aws.spi;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;

/**
 * Reads one resource type. Each method returns one page and the next token; the engine owns the paging loop and
 * may call methods of one syncer from several threads at once, so implementations are immutable after construction
 * (caches live behind concurrent maps).
 */
public interface ResourceSyncer {
    ResourceType resourceType();

    /**
     * Lists resources of this type. {@code parent} is null for the top-level listing, otherwise the resource whose
     * {@code ChildResourceType} annotation named this type.
     */
    Page<Resource> list(ResourceId parent, PageToken token) throws SyncException;

    Page<Entitlement> entitlements(Resource resource, PageToken token) throws SyncException;

    Page<Grant> grants(Resource resource, PageToken token) throws SyncException;

    /**
     * Every listing of this type has finished and none will start (or the type is not synced): what the syncer
     * keeps only to answer listings may go. Called once per sync, on the engine's thread, before grant expansion.
     */
    default void listingsDone() {}
}
