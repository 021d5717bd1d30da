package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of {@code list(parent, token)}. Every listed resource's {@code ChildResourceType} annotations start a
 * listing of that type under it, after the page was queued for writing, so a parent is always written before its
 * children.
 *
 * @param parent null for the top-level listing
 * @param account see {@link WorkUnit#account()}: the account the parent is, or belongs to
 */
record ResourceListing(
        ResourceSyncer syncer, ResourceId parent, PageToken token, ChildListings children, String account)
        implements WorkUnit {
    ResourceListing {
        requireNonNull(syncer, "syncer is null");
        requireNonNull(token, "token is null");
        requireNonNull(children, "children is null");
    }

    /** Where child listings come from; it knows which types are synced and starts each listing once. */
    interface ChildListings {
        /**
         * The listing of {@code childTypeId} under {@code parent}, which belongs to {@code parentAccount} (null for
         * none); null when the type is not synced or was seen.
         */
        WorkUnit childListing(String childTypeId, ResourceId parent, String parentAccount);
    }

    @Override
    public String resourceTypeId() {
        return syncer.resourceType().getId();
    }

    @Override
    public WorkKind kind() {
        return WorkKind.RESOURCES;
    }

    @Override
    public String describe() {
        return "listing resources of type " + resourceTypeId()
                + (parent == null ? "" : " under " + Ids.resourceKey(parent));
    }

    @Override
    public void run(Context context) throws SyncException, InterruptedException {
        Page<Resource> page = syncer.list(parent, token);
        PageTokens.requireProgress(token, page, describe());
        WriteBatch.Resources written = new WriteBatch.Resources(
                resourceTypeId(),
                parent,
                page.items(),
                account,
                ListingKeys.resources(resourceTypeId(), parent),
                page.hasNext() ? page.next().value() : null);
        context.write(written);
        if (page.hasNext()) {
            context.continueWith(new ResourceListing(syncer, parent, page.next(), children, account));
        }
        for (Resource resource : page.items()) {
            for (String childType : childTypes(resource, describe())) {
                WorkUnit child = children.childListing(childType, resource.getId(), account);
                if (child != null) {
                    context.schedule(child);
                }
            }
        }
        context.childrenScheduled(written);
    }

    /** The resource types {@code resource}'s {@code ChildResourceType} annotations name, in their order. */
    static List<String> childTypes(Resource resource, String listing) throws SyncException {
        List<String> types = new ArrayList<>();
        for (Any annotation : resource.getAnnotationsList()) {
            if (annotation.is(ChildResourceType.class)) {
                try {
                    types.add(annotation.unpack(ChildResourceType.class).getResourceTypeId());
                } catch (InvalidProtocolBufferException e) {
                    throw new SyncException(listing + ": a ChildResourceType annotation does not decode", e);
                }
            }
        }
        return types;
    }
}
