package dev.baton.aws.sync;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written syncer serving fixed lists in pages of {@code pageSize}. Tokens are {@code <listing>@<offset>},
 * and every call is recorded as {@code <method> <key> <token>} so tests can check the tokens came back exactly.
 * Configure it before the sync; during the sync it is only read (apart from the thread-safe call log).
 */
final class FakeSyncer implements ResourceSyncer {
    private final ResourceType type;
    private final int pageSize;
    private final Map<String, List<Resource>> resourcesByParent = new HashMap<>();
    private final Map<String, List<Entitlement>> entitlementsByResource = new HashMap<>();
    private final Map<String, List<Grant>> grantsByResource = new HashMap<>();
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private String failGrantsOf;
    private String failureMessage;

    FakeSyncer(ResourceType type, int pageSize) {
        this.type = type;
        this.pageSize = pageSize;
    }

    /** {@code parent} null for the top-level listing. */
    FakeSyncer resources(ResourceId parent, List<Resource> resources) {
        resourcesByParent
                .computeIfAbsent(parentKey(parent), key -> new ArrayList<>())
                .addAll(resources);
        return this;
    }

    FakeSyncer entitlements(Resource resource, List<Entitlement> entitlements) {
        entitlementsByResource
                .computeIfAbsent(Ids.resourceKey(resource.getId()), key -> new ArrayList<>())
                .addAll(entitlements);
        return this;
    }

    FakeSyncer grants(Resource resource, List<Grant> grants) {
        grantsByResource
                .computeIfAbsent(Ids.resourceKey(resource.getId()), key -> new ArrayList<>())
                .addAll(grants);
        return this;
    }

    FakeSyncer failGrants(Resource resource, String message) {
        failGrantsOf = Ids.resourceKey(resource.getId());
        failureMessage = message;
        return this;
    }

    /** The entry {@link #calls()} records for {@link #listingsDone()}. */
    static final String LISTINGS_DONE = "done";

    @Override
    public void listingsDone() {
        calls.add(LISTINGS_DONE);
    }

    /** The listing calls, in order. */
    List<String> calls() {
        return history().stream().filter(call -> !call.equals(LISTINGS_DONE)).toList();
    }

    /** The listing calls and {@link #LISTINGS_DONE}, in order. */
    List<String> history() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public ResourceType resourceType() {
        return type;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) {
        String key = parentKey(parent);
        calls.add("list " + key + " " + token.value());
        return page("list:" + key, resourcesByParent.getOrDefault(key, List.of()), token);
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        String key = Ids.resourceKey(resource.getId());
        calls.add("entitlements " + key + " " + token.value());
        return page("entitlements:" + key, entitlementsByResource.getOrDefault(key, List.of()), token);
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
        String key = Ids.resourceKey(resource.getId());
        calls.add("grants " + key + " " + token.value());
        if (key.equals(failGrantsOf)) {
            throw new SyncException(failureMessage);
        }
        return page("grants:" + key, grantsByResource.getOrDefault(key, List.of()), token);
    }

    private <T> Page<T> page(String listing, List<T> items, PageToken token) {
        int offset = token.isFirst()
                ? 0
                : Integer.parseInt(token.value().substring(token.value().lastIndexOf('@') + 1));
        int end = Math.min(items.size(), offset + pageSize);
        String next = end < items.size() ? listing + "@" + end : null;
        return Page.of(items.subList(offset, end), next);
    }

    private static String parentKey(ResourceId parent) {
        return parent == null ? "-" : Ids.resourceKey(parent);
    }
}
