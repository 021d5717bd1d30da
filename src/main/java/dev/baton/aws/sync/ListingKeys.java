package dev.baton.aws.sync;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;

/**
 * The names a checkpoint gives listings ({@link SyncCheckpoint#putListingState}): one per listing, the same in every
 * run of a sync, so a run that continues it knows which listings are done. {@code R|<type>|<parent type:id>} (empty
 * parent for a top-level listing), {@code E|<type:id>} and {@code G|<type:id>}.
 */
final class ListingKeys {
    private ListingKeys() {}

    static String resources(String resourceTypeId, ResourceId parent) {
        return "R|" + resourceTypeId + "|" + (parent == null ? "" : Ids.resourceKey(parent));
    }

    static String entitlements(Resource resource) {
        return of(WorkKind.ENTITLEMENTS, Ids.resourceKey(resource.getId()));
    }

    static String grants(Resource resource) {
        return of(WorkKind.GRANTS, Ids.resourceKey(resource.getId()));
    }

    /** The key of {@code kind}'s listing (entitlements or grants) of the resource {@code resourceKey} names. */
    static String of(WorkKind kind, String resourceKey) {
        return (kind == WorkKind.ENTITLEMENTS ? "E|" : "G|") + resourceKey;
    }
}
