package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlements;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlementsAndGrants;
import dev.baton.aws.proto.c1.connector.v2.SkipGrants;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test stand-in for the sync engine: drains every syncer page by page the way the engine does (top-level lists,
 * then children named by {@code ChildResourceType}, then entitlements and grants unless skipped), and keeps what it
 * saw, including the size of every page.
 */
public final class SyncDriver {
    private final Map<String, ResourceSyncer> syncers = new LinkedHashMap<>();
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, Entitlement> entitlements = new TreeMap<>();
    private final Map<String, Grant> grants = new TreeMap<>();

    public SyncDriver(List<ResourceSyncer> registered) {
        registered.forEach(syncer -> syncers.put(syncer.resourceType().getId(), syncer));
    }

    public SyncDriver run() throws SyncException {
        for (ResourceSyncer syncer : syncers.values()) {
            listAll(syncer, null);
        }
        for (Resource resource : List.copyOf(resources.values())) {
            ResourceSyncer syncer = syncers.get(resource.getId().getResourceType());
            ResourceType type = syncer.resourceType();
            boolean skipAll = Annotations.has(type.getAnnotationsList(), SkipEntitlementsAndGrants.class);
            if (!skipAll && !Annotations.has(type.getAnnotationsList(), SkipEntitlements.class)) {
                drain(token -> syncer.entitlements(resource, token)).forEach(e -> entitlements.put(e.getId(), e));
            }
            if (!skipAll && !Annotations.has(resource.getAnnotationsList(), SkipGrants.class)) {
                drain(token -> syncer.grants(resource, token)).forEach(g -> grants.put(g.getId(), g));
            }
        }
        return this;
    }

    private void listAll(ResourceSyncer syncer, ResourceId parent) throws SyncException {
        for (Resource resource : drain(token -> syncer.list(parent, token))) {
            resources.put(Ids.resourceKey(resource.getId()), resource);
            for (var any : resource.getAnnotationsList()) {
                if (any.is(ChildResourceType.class)) {
                    String child = Annotations.find(List.of(any), ChildResourceType.class)
                            .orElseThrow()
                            .getResourceTypeId();
                    if (syncers.containsKey(child)) {
                        listAll(syncers.get(child), resource.getId());
                    }
                }
            }
        }
    }

    @FunctionalInterface
    public interface PageCall<T> {
        Page<T> call(PageToken token) throws SyncException;
    }

    /** Every item of every page; fails on a token that repeats (a paging loop). */
    public static <T> List<T> drain(PageCall<T> call) throws SyncException {
        List<T> items = new ArrayList<>();
        PageToken token = PageToken.first();
        List<String> seen = new ArrayList<>();
        do {
            Page<T> page = call.call(token);
            items.addAll(page.items());
            token = page.next();
            if (!token.isFirst() && seen.contains(token.value())) {
                throw new AssertionError("page token repeats: " + token.value());
            }
            seen.add(token.value());
        } while (!token.isFirst());
        return items;
    }

    /** Resources keyed {@code <type>:<id>}, in the order they were listed. */
    public Map<String, Resource> resources() {
        return resources;
    }

    public List<Resource> resources(String resourceType) {
        return resources.values().stream()
                .filter(r -> r.getId().getResourceType().equals(resourceType))
                .toList();
    }

    public Resource resource(String resourceType, String id) {
        Resource resource = resources.get(resourceType + ":" + id);
        if (resource == null) {
            throw new AssertionError("no " + resourceType + " " + id + " in " + resources.keySet());
        }
        return resource;
    }

    /** Entitlements by id, sorted. */
    public Map<String, Entitlement> entitlements() {
        return entitlements;
    }

    /** Grants by id, sorted. */
    public Map<String, Grant> grants() {
        return grants;
    }
}
