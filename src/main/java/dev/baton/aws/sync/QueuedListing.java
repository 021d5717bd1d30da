package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;

/**
 * The first page of a written resource's entitlement or grant listing (or, in a run that continues a sync, the page
 * its checkpoint names). Thousands of these can wait behind the
 * resource listings, so each keeps its resource serialized (a few hundred bytes) and decodes it when it runs.
 *
 * @param account see {@link WorkUnit#account()}
 */
record QueuedListing(ResourceSyncer syncer, WorkKind kind, byte[] resource, String account, PageToken token)
        implements WorkUnit {
    QueuedListing {
        requireNonNull(syncer, "syncer is null");
        requireNonNull(resource, "resource is null");
        requireNonNull(token, "token is null");
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
        try {
            return listing(decoded()).describe();
        } catch (SyncException e) {
            return "listing " + kind.phase().label() + " of a " + resourceTypeId() + " resource";
        }
    }

    @Override
    public void run(Context context) throws SyncException, InterruptedException {
        listing(decoded()).run(context);
    }

    private WorkUnit listing(Resource decoded) {
        return kind == WorkKind.ENTITLEMENTS
                ? new EntitlementListing(syncer, decoded, token, account)
                : new GrantListing(syncer, decoded, token, account);
    }

    private Resource decoded() throws SyncException {
        try {
            return Resource.parseFrom(resource);
        } catch (InvalidProtocolBufferException e) {
            throw new SyncException(
                    "a resource of type " + resourceTypeId() + " written in this sync does not decode", e);
        }
    }
}
