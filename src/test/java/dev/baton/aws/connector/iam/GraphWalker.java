package dev.baton.aws.connector.iam;

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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test-sized sync engine: lists every type at top level, follows ChildResourceType instance annotations, then
 * reads entitlements and grants where the type-level and resource-level Skip annotations allow, paging each call to
 * its last page. Enough to compare graphs; the real engine lives in {@code sync/}.
 */
final class GraphWalker {
    /** Everything one sync produced, keyed by id; {@code duplicates} lists resources listed more than once. */
    record Graph(
            Map<String, Resource> resources,
            Map<String, Entitlement> entitlements,
            Map<String, Grant> grants,
            List<String> duplicates,
            List<String> warnings) {
        Resource resource(String type, String id) {
            Resource resource = resources.get(type + ":" + id);
            if (resource == null) {
                throw new AssertionError("no resource " + type + ":" + id + " in " + resources.keySet());
            }
            return resource;
        }

        List<String> ids(String type) {
            return resources.values().stream()
                    .filter(r -> r.getId().getResourceType().equals(type))
                    .map(r -> r.getId().getResource())
                    .sorted()
                    .toList();
        }
    }

    private GraphWalker() {}

    static Graph walk(List<ResourceSyncer> syncers, List<String> warnings) throws SyncException {
        Map<String, ResourceSyncer> byType = new LinkedHashMap<>();
        syncers.forEach(syncer -> byType.put(syncer.resourceType().getId(), syncer));
        Map<String, Resource> resources = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        Deque<Listing> work = new ArrayDeque<>();
        syncers.forEach(syncer -> work.add(new Listing(syncer, null)));
        while (!work.isEmpty()) {
            Listing listing = work.poll();
            PageToken token = PageToken.first();
            do {
                Page<Resource> page = listing.syncer().list(listing.parent(), token);
                for (Resource resource : page.items()) {
                    if (resources.put(Ids.resourceKey(resource.getId()), resource) != null) {
                        duplicates.add(Ids.resourceKey(resource.getId()));
                    }
                    resource.getAnnotationsList().stream()
                            .filter(a -> a.is(ChildResourceType.class))
                            .map(a -> Annotations.find(List.of(a), ChildResourceType.class)
                                    .orElseThrow())
                            .map(child -> byType.get(child.getResourceTypeId()))
                            .filter(child -> child != null)
                            .forEach(child -> work.add(new Listing(child, resource.getId())));
                }
                token = page.next();
            } while (!token.isFirst());
        }
        Map<String, Entitlement> entitlements = new TreeMap<>();
        Map<String, Grant> grants = new TreeMap<>();
        for (Resource resource : resources.values()) {
            ResourceSyncer syncer = byType.get(resource.getId().getResourceType());
            ResourceType type = syncer.resourceType();
            boolean skipAll = Annotations.has(type.getAnnotationsList(), SkipEntitlementsAndGrants.class);
            if (!skipAll && !Annotations.has(type.getAnnotationsList(), SkipEntitlements.class)) {
                drain(token -> syncer.entitlements(resource, token)).forEach(e -> entitlements.put(e.getId(), e));
            }
            if (!skipAll && !Annotations.has(resource.getAnnotationsList(), SkipGrants.class)) {
                drain(token -> syncer.grants(resource, token)).forEach(g -> grants.put(g.getId(), g));
            }
        }
        return new Graph(resources, entitlements, grants, duplicates, List.copyOf(warnings));
    }

    private record Listing(ResourceSyncer syncer, ResourceId parent) {}

    @FunctionalInterface
    private interface PageCall<T> {
        Page<T> call(PageToken token) throws SyncException;
    }

    private static <T> List<T> drain(PageCall<T> call) throws SyncException {
        List<T> items = new ArrayList<>();
        PageToken token = PageToken.first();
        do {
            Page<T> page = call.call(token);
            items.addAll(page.items());
            token = page.next();
        } while (!token.isFirst());
        return items;
    }
}
