package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.aws.c1z.C1zCounts;
import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.C1zWriter;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.c1z.ListingStates;
import dev.baton.aws.c1z.SyncHistory;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.sync.expand.StoredGrant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A {@link SyncStore} that writes a c1z v1 file through {@link C1zWriter}. Write and read failures of the file
 * surface as {@code UncheckedC1zException}, which the engine turns into a failed sync naming the file.
 */
public final class C1zSyncStore implements SyncStore {
    private static final int WAITING_ENTITLEMENT = 1;
    private static final int WAITING_GRANT = 2;

    private final C1zWriter writer;
    private final SyncCheckpoint checkpoint;

    public C1zSyncStore(C1zWriter writer) {
        this.writer = requireNonNull(writer, "writer is null");
        this.checkpoint = new WriterCheckpoint();
    }

    /** Starts a new sync that {@link #finish()} publishes atomically at {@code output}. */
    public static C1zSyncStore create(Path output, C1zWriterOptions options) throws C1zException {
        return new C1zSyncStore(C1zWriter.create(output, options));
    }

    /**
     * Starts a new sync that {@link #finish()} publishes atomically at {@code output}, added to the syncs an
     * existing {@code output} holds as {@code history} says.
     */
    public static C1zSyncStore create(Path output, C1zWriterOptions options, SyncHistory history) throws C1zException {
        return new C1zSyncStore(C1zWriter.create(output, options, history));
    }

    @Override
    public SyncCheckpoint checkpoint() {
        return checkpoint;
    }

    /** The KSUID of the sync being written. */
    public String syncId() {
        return writer.syncId();
    }

    /** See {@link C1zWriter#setSyncType}. */
    public void setSyncType(String type) {
        writer.setSyncType(type);
    }

    @Override
    public void putResourceTypes(List<ResourceType> resourceTypes) {
        writer.putResourceTypes(resourceTypes);
    }

    @Override
    public void putResources(List<Resource> resources) {
        writer.putResources(resources);
    }

    @Override
    public void putEntitlements(List<Entitlement> entitlements) {
        writer.putEntitlements(entitlements);
    }

    @Override
    public void putGrants(List<Grant> grants) {
        writer.putGrants(grants);
    }

    @Override
    public boolean hasResource(ResourceId id) {
        return writer.hasResource(id);
    }

    @Override
    public boolean hasEntitlement(String entitlementId) {
        return writer.hasEntitlement(entitlementId);
    }

    @Override
    public boolean hasResourceType(String resourceTypeId) {
        return writer.hasResourceType(resourceTypeId);
    }

    @Override
    public Optional<Resource> resource(ResourceId id) {
        return writer.resource(id);
    }

    @Override
    public Optional<Entitlement> entitlement(String entitlementId) {
        return writer.entitlement(entitlementId);
    }

    @Override
    public Optional<StoredGrant> grant(String grantId) {
        return writer.grant(grantId).map(C1zSyncStore::toSync);
    }

    @Override
    public void forEachExpandableGrant(Consumer<StoredGrant> consumer) {
        writer.forEachExpandableGrant(stored -> consumer.accept(toSync(stored)));
    }

    @Override
    public void forEachGrantOfEntitlement(String entitlementId, Consumer<StoredGrant> consumer) {
        writer.forEachGrantOfEntitlement(entitlementId, stored -> consumer.accept(toSync(stored)));
    }

    @Override
    public void forEachGrantPrincipal(String entitlementId, BiConsumer<String, ResourceId> consumer) {
        writer.forEachGrantPrincipal(entitlementId, consumer);
    }

    @Override
    public StoreCounts counts() {
        C1zCounts counts = writer.counts();
        return new StoreCounts(
                counts.resourceTypes(),
                counts.resources(),
                counts.entitlements(),
                counts.grants(),
                counts.resourcesByType());
    }

    @Override
    public void finish() throws SyncException {
        try {
            writer.finish();
        } catch (C1zException e) {
            throw new SyncException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writer.close();
    }

    private static StoredGrant toSync(dev.baton.aws.c1z.StoredGrant stored) {
        return new StoredGrant(stored.grant(), stored.expandable());
    }

    /** The checkpoint a resumable {@link C1zWriter} keeps; with any other writer its puts do nothing. */
    private final class WriterCheckpoint implements SyncCheckpoint {
        @Override
        public boolean resumed() {
            return writer.resumed();
        }

        @Override
        public ListingProgress listings() {
            ListingStates states = writer.listingStates();
            return new ListingProgress(states.done(), states.next());
        }

        @Override
        public List<Entitlement> waitingEntitlements() {
            return decode(writer.waiting(WAITING_ENTITLEMENT), Entitlement::parseFrom);
        }

        @Override
        public List<Grant> waitingGrants() {
            return decode(writer.waiting(WAITING_GRANT), Grant::parseFrom);
        }

        @Override
        public Map<String, String> memos() {
            return writer.memos();
        }

        @Override
        public void forEachResource(Consumer<Resource> consumer) {
            writer.forEachResource(consumer);
        }

        @Override
        public boolean hasExpandableGrants() {
            return writer.hasExpandableGrants();
        }

        @Override
        public void putListingState(String listing, String next) {
            writer.putListingState(listing, next);
        }

        @Override
        public void putWaiting(Entitlement entitlement) {
            writer.putWaiting(WAITING_ENTITLEMENT, entitlement.toByteArray());
        }

        @Override
        public void putWaiting(Grant grant) {
            writer.putWaiting(WAITING_GRANT, grant.toByteArray());
        }

        @Override
        public void clearWaiting() {
            writer.clearWaiting();
        }

        @Override
        public void putMemo(String key, String value) {
            writer.putMemo(key, value);
        }

        @Override
        public void commit() {
            writer.checkpoint();
        }
    }

    @FunctionalInterface
    private interface Parser<T> {
        T parse(byte[] data) throws InvalidProtocolBufferException;
    }

    private static <T> List<T> decode(List<byte[]> rows, Parser<T> parser) {
        List<T> decoded = new ArrayList<>(rows.size());
        for (byte[] row : rows) {
            try {
                decoded.add(parser.parse(row));
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("a waiting object of the checkpoint does not decode", e);
            }
        }
        return decoded;
    }
}
