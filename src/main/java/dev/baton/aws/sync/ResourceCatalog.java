package dev.baton.aws.sync;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every resource written in this sync, keyed like the c1z {@code external_id} ({@code type:id}), later listings
 * of the same key replacing earlier ones as the store's upsert does. It answers the writer's "does this principal
 * exist" checks without a store read and feeds the entitlement and grant phases. Resources are kept serialized:
 * a few hundred bytes each instead of a tree of message objects.
 */
final class ResourceCatalog {
    private final Map<String, Entry> resourcesByKey = new LinkedHashMap<>();

    private record Entry(String resourceTypeId, byte[] serialized) {}

    /** {@code resourceTypeId} is the registered type's id instance, shared by all its entries. */
    void add(String resourceTypeId, Resource resource) {
        resourcesByKey.put(Ids.resourceKey(resource.getId()), new Entry(resourceTypeId, resource.toByteArray()));
    }

    boolean contains(ResourceId id) {
        return resourcesByKey.containsKey(Ids.resourceKey(id));
    }

    int size() {
        return resourcesByKey.size();
    }

    /** The resources of one type in the order they were first written. */
    List<byte[]> ofType(String resourceTypeId) {
        List<byte[]> resources = new ArrayList<>();
        for (Entry entry : resourcesByKey.values()) {
            if (entry.resourceTypeId().equals(resourceTypeId)) {
                resources.add(entry.serialized());
            }
        }
        return resources;
    }

    /** Decodes lazily, one resource at a time, as a phase's seeds are taken. */
    static Iterator<Resource> decoding(List<byte[]> serialized) {
        Iterator<byte[]> source = serialized.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public Resource next() {
                try {
                    return Resource.parseFrom(source.next());
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    throw new IllegalStateException("a resource this catalog serialized does not decode", e);
                }
            }
        };
    }
}
