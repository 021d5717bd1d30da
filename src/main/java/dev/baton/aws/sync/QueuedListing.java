package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;

/**
 * The first page of a written resource's entitlement or grant listing (or, in a run that continues a sync, the page
 * its checkpoint names). Tens of thousands of these can wait behind the resource listings, so each keeps only the
 * resource's id and reads the resource back from the store, where it was written, when it runs.
 *
 * @param account see {@link WorkUnit#account()}
 */
record QueuedListing(
        ResourceSyncer syncer, WorkKind kind, ResourceId resource, String account, PageToken token, SyncStore store)
        implements WorkUnit {
    QueuedListing {
        requireNonNull(syncer, "syncer is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(token, "token is null");
        requireNonNull(store, "store is null");
        if (kind != WorkKind.ENTITLEMENTS && kind != WorkKind.GRANTS) {
            throw new IllegalArgumentException("only entitlement and grant listings wait for their resource: " + kind);
        }
    }

    @Override
    public String resourceTypeId() {
        return syncer.resourceType().getId();
    }

    @Override
    public String describe() {
        return "listing " + kind.phase().label() + " of " + Ids.resourceKey(resource);
    }

    @Override
    public void run(Context context) throws SyncException, InterruptedException {
        Resource written = store.resource(resource)
                .orElseThrow(() -> new SyncException(describe() + ": the resource written in this sync is gone"));
        WorkUnit listing = kind == WorkKind.ENTITLEMENTS
                ? new EntitlementListing(syncer, written, token, account)
                : new GrantListing(syncer, written, token, account);
        listing.run(context);
    }
}
