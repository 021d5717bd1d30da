package dev.baton.aws.sync;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A syncer whose resources, entitlements and grants are computed from indexes on demand, so a benchmark of a
 * million grants does not hold its own fixture in the heap it measures.
 */
final class GeneratedSyncer implements ResourceSyncer {
    /** The grants of one resource, computed when asked. */
    @FunctionalInterface
    interface GrantSource {
        List<Grant> grantsOf(Resource resource, Entitlement entitlement);
    }

    private final ResourceType type;
    private final int count;
    private final int pageSize;
    private final IntFunction<Resource> resourceAt;
    private final String slug;
    private final GrantSource grants;

    /** {@code slug} null when the type has no entitlement. */
    GeneratedSyncer(
            ResourceType type,
            int count,
            int pageSize,
            IntFunction<Resource> resourceAt,
            String slug,
            GrantSource grants) {
        this.type = type;
        this.count = count;
        this.pageSize = pageSize;
        this.resourceAt = resourceAt;
        this.slug = slug;
        this.grants = grants;
    }

    @Override
    public ResourceType resourceType() {
        return type;
    }

    @Override
    public Page<Resource> list(ResourceId parent, PageToken token) {
        int offset = token.isFirst() ? 0 : Integer.parseInt(token.value());
        int end = Math.min(count, offset + pageSize);
        List<Resource> page = new ArrayList<>(end - offset);
        for (int index = offset; index < end; index++) {
            page.add(resourceAt.apply(index));
        }
        return Page.of(page, end < count ? Integer.toString(end) : null);
    }

    @Override
    public Page<Entitlement> entitlements(Resource resource, PageToken token) {
        return slug == null ? Page.empty() : Page.last(List.of(SyncFixtures.entitlement(resource, slug)));
    }

    @Override
    public Page<Grant> grants(Resource resource, PageToken token) {
        if (slug == null) {
            return Page.empty();
        }
        List<Grant> all = grants.grantsOf(resource, SyncFixtures.entitlement(resource, slug));
        int offset = token.isFirst() ? 0 : Integer.parseInt(token.value());
        int end = Math.min(all.size(), offset + pageSize);
        return Page.of(all.subList(offset, end), end < all.size() ? Integer.toString(end) : null);
    }
}
