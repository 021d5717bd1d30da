package dev.baton.aws.sync;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.HashSet;
import java.util.Set;

/**
 * The key ({@code type:id}, like the c1z {@code external_id}) of every resource written in this sync. It answers
 * the writer's "does this principal exist" checks without a store read.
 */
final class ResourceCatalog {
    private final Set<String> keys = new HashSet<>();

    /** True when the resource is seen for the first time. */
    boolean add(ResourceId id) {
        return keys.add(Ids.resourceKey(id));
    }

    boolean contains(ResourceId id) {
        return keys.contains(Ids.resourceKey(id));
    }
}
