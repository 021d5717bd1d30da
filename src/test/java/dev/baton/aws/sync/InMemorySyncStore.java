package dev.baton.aws.sync;

import com.google.protobuf.Any;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.sync.expand.StoredGrant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A {@link SyncStore} in maps, with the c1z writer's semantics: upserts keyed like the unique indexes, rows kept in
 * first-insertion order, {@code GrantExpandable} moved out of the grant blob, streams that tolerate writes between
 * callbacks. {@link #rows()} gives every row as deterministic bytes for byte-for-byte comparisons.
 */
public final class InMemorySyncStore implements SyncStore {
    private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, Entitlement> entitlements = new LinkedHashMap<>();
    private final Map<String, StoredGrant> grants = new LinkedHashMap<>();
    /** Like the c1z index on entitlement_id: grant ids per entitlement, in first-insertion order. */
    private final Map<String, Set<String>> grantIdsByEntitlement = new HashMap<>();

    private boolean finished;
    private boolean closed;
    private int grantPuts;

    @Override
    public synchronized void putResourceTypes(List<ResourceType> types) {
        types.forEach(type -> resourceTypes.put(type.getId(), type));
    }

    @Override
    public synchronized void putResources(List<Resource> list) {
        list.forEach(resource -> resources.put(Ids.resourceKey(resource.getId()), resource));
    }

    @Override
    public synchronized void putEntitlements(List<Entitlement> list) {
        list.forEach(entitlement -> entitlements.put(entitlement.getId(), entitlement));
    }

    @Override
    public synchronized void putGrants(List<Grant> list) {
        grantPuts++;
        for (Grant grant : list) {
            GrantExpandable expandable = null;
            Grant.Builder stripped = grant.toBuilder().clearAnnotations();
            for (Any annotation : grant.getAnnotationsList()) {
                if (annotation.is(GrantExpandable.class)) {
                    expandable = unpack(annotation);
                } else {
                    stripped.addAnnotations(annotation);
                }
            }
            boolean named = expandable != null
                    && expandable.getEntitlementIdsList().stream().anyMatch(id -> !id.isBlank());
            StoredGrant previous =
                    grants.put(grant.getId(), new StoredGrant(stripped.build(), named ? expandable : null));
            if (previous != null) {
                grantIdsByEntitlement
                        .get(previous.grant().getEntitlement().getId())
                        .remove(grant.getId());
            }
            grantIdsByEntitlement
                    .computeIfAbsent(grant.getEntitlement().getId(), id -> new LinkedHashSet<>())
                    .add(grant.getId());
        }
    }

    @Override
    public synchronized boolean hasResource(ResourceId id) {
        return resources.containsKey(Ids.resourceKey(id));
    }

    @Override
    public synchronized boolean hasEntitlement(String entitlementId) {
        return entitlements.containsKey(entitlementId);
    }

    @Override
    public synchronized boolean hasResourceType(String resourceTypeId) {
        return resourceTypes.containsKey(resourceTypeId);
    }

    @Override
    public synchronized Optional<Resource> resource(ResourceId id) {
        return Optional.ofNullable(resources.get(Ids.resourceKey(id)));
    }

    @Override
    public synchronized Optional<Entitlement> entitlement(String entitlementId) {
        return Optional.ofNullable(entitlements.get(entitlementId));
    }

    @Override
    public synchronized Optional<StoredGrant> grant(String grantId) {
        return Optional.ofNullable(grants.get(grantId));
    }

    @Override
    public synchronized void forEachExpandableGrant(Consumer<StoredGrant> consumer) {
        new ArrayList<>(grants.values())
                .stream().filter(StoredGrant::isExpandable).forEach(consumer);
    }

    @Override
    public synchronized void forEachGrantOfEntitlement(String entitlementId, Consumer<StoredGrant> consumer) {
        List<String> ids = new ArrayList<>(grantIdsByEntitlement.getOrDefault(entitlementId, Set.of()));
        ids.forEach(id -> consumer.accept(grants.get(id)));
    }

    @Override
    public synchronized StoreCounts counts() {
        SortedMap<String, Long> byType = new TreeMap<>();
        resources.values().forEach(resource -> byType.merge(resource.getId().getResourceType(), 1L, Long::sum));
        return new StoreCounts(resourceTypes.size(), resources.size(), entitlements.size(), grants.size(), byType);
    }

    @Override
    public synchronized void finish() {
        finished = true;
    }

    @Override
    public synchronized void close() {
        closed = true;
    }

    public synchronized boolean isFinished() {
        return finished;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    public synchronized int grantPuts() {
        return grantPuts;
    }

    public synchronized List<Resource> resources() {
        return List.copyOf(resources.values());
    }

    public synchronized List<Entitlement> entitlements() {
        return List.copyOf(entitlements.values());
    }

    public synchronized List<StoredGrant> grants() {
        return List.copyOf(grants.values());
    }

    /** Every row, keyed {@code table/key}, as deterministic bytes (the expansion column appended to grants). */
    public synchronized SortedMap<String, byte[]> rows() {
        SortedMap<String, byte[]> rows = new TreeMap<>();
        resourceTypes.forEach((id, type) -> rows.put("resource_types/" + id, bytes(type)));
        resources.forEach((key, resource) -> rows.put("resources/" + key, bytes(resource)));
        entitlements.forEach((id, entitlement) -> rows.put("entitlements/" + id, bytes(entitlement)));
        grants.forEach((id, stored) -> {
            rows.put("grants/" + id, bytes(stored.grant()));
            if (stored.isExpandable()) {
                rows.put("grants.expansion/" + id, bytes(stored.expandable()));
            }
        });
        return rows;
    }

    public static byte[] bytes(MessageLite message) {
        byte[] out = new byte[message.getSerializedSize()];
        CodedOutputStream stream = CodedOutputStream.newInstance(out);
        stream.useDeterministicSerialization();
        try {
            message.writeTo(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static GrantExpandable unpack(Any annotation) {
        try {
            return annotation.unpack(GrantExpandable.class);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
