package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlements;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlementsAndGrants;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.List;

/**
 * One page of {@code entitlements(resource, token)}; a resource-level skip annotation ends it before any call.
 *
 * @param account see {@link WorkUnit#account()}
 */
record EntitlementListing(ResourceSyncer syncer, Resource resource, PageToken token, String account)
        implements WorkUnit {
    EntitlementListing {
        requireNonNull(syncer, "syncer is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(token, "token is null");
    }

    /** True when annotations of a resource or of its type say this listing must not run. */
    static boolean skips(List<Any> annotations) {
        return Annotations.has(annotations, SkipEntitlementsAndGrants.class)
                || Annotations.has(annotations, SkipEntitlements.class);
    }

    @Override
    public String resourceTypeId() {
        return syncer.resourceType().getId();
    }

    @Override
    public WorkKind kind() {
        return WorkKind.ENTITLEMENTS;
    }

    @Override
    public String describe() {
        return "listing entitlements of " + Ids.resourceKey(resource.getId());
    }

    @Override
    public void run(Context context) throws SyncException, InterruptedException {
        if (token.isFirst() && skips(resource.getAnnotationsList())) {
            return;
        }
        Page<Entitlement> page = syncer.entitlements(resource, token);
        PageTokens.requireProgress(token, page, describe());
        context.write(new WriteBatch.Entitlements(
                resource,
                page.items(),
                account,
                ListingKeys.entitlements(resource),
                page.hasNext() ? page.next().value() : null));
        if (page.hasNext()) {
            context.continueWith(new EntitlementListing(syncer, resource, page.next(), account));
        }
    }
}
