package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a c1z v1 file written by this project or by the SDK. The file is decompressed into a private temporary
 * copy, which is migrated like the SDK does on open; the original is never modified. All reads are scoped to
 * {@link #currentSync()}, or to every sync when the file records none. Lookups report a corrupt row as
 * {@link UncheckedC1zException}; calls from several threads are serialized.
 */
public final class C1zReader implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(C1zReader.class);

    private final Path workDir;
    private final SqliteDatabase db;
    private final SyncRun currentSync;
    private final ResourceTypeTable resourceTypes;
    private final ResourceTable resources;
    private final EntitlementTable entitlements;
    private final GrantTable grants;

    private C1zReader(Path workDir, SqliteDatabase db, SyncRun currentSync) {
        this.workDir = workDir;
        this.db = db;
        this.currentSync = currentSync;
        SyncRowFilter scope = currentSync == null ? SyncRowFilter.all() : new SyncRowFilter(currentSync.syncId());
        this.resourceTypes = new ResourceTypeTable(db, scope);
        this.resources = new ResourceTable(db, scope);
        this.entitlements = new EntitlementTable(db, scope);
        this.grants = new GrantTable(db, scope);
    }

    /** Decompresses into the system temp dir. */
    public static C1zReader open(Path c1zFile) throws C1zException {
        return open(c1zFile, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * @throws C1zException naming the file when it is missing, empty, not a c1z, not valid zstd, or not a
     *     readable baton SQLite database
     */
    public static C1zReader open(Path c1zFile, Path tempDir) throws C1zException {
        C1zSnapshot snapshot = C1zSnapshot.open(c1zFile, tempDir);
        try {
            SyncRun current = new SyncRunTable(snapshot.database()).current().orElse(null);
            log.debug("opened {}: current sync {}", c1zFile, current);
            return new C1zReader(snapshot.workDir(), snapshot.database(), current);
        } catch (UncheckedC1zException e) {
            snapshot.close();
            throw e.getCause();
        }
    }

    /** As baton readers choose: the latest finished full sync, else the latest unfinished one; empty if there is none. */
    public synchronized Optional<SyncRun> currentSync() {
        return Optional.ofNullable(currentSync);
    }

    public synchronized List<ResourceType> resourceTypes() {
        return resourceTypes.all();
    }

    public synchronized Optional<ResourceType> resourceType(String id) {
        return resourceTypes.byId(id);
    }

    public synchronized Optional<Resource> resource(ResourceId id) {
        return resources.byId(id);
    }

    public synchronized List<Resource> resources(String resourceTypeId) {
        return resources.ofType(resourceTypeId);
    }

    public synchronized Optional<Entitlement> entitlement(String id) {
        return entitlements.byId(id);
    }

    public synchronized List<Entitlement> entitlements(ResourceId resource) {
        return entitlements.ofResource(resource);
    }

    /** Every entitlement id of the sync, in insertion order; for "did you mean" suggestions. */
    public synchronized List<String> entitlementIds() {
        return entitlements.ids();
    }

    public synchronized Optional<StoredGrant> grant(String id) {
        return grants.byId(id);
    }

    public synchronized List<StoredGrant> grantsForEntitlement(String entitlementId) {
        return grants.ofEntitlement(entitlementId);
    }

    public synchronized List<StoredGrant> grantsForPrincipal(ResourceId principal) {
        return grants.ofPrincipal(principal);
    }

    public synchronized C1zCounts counts() {
        return C1zCounts.of(resourceTypes.ids(), entitlements.count(), grants.count(), resources.countByType());
    }

    @Override
    public synchronized void close() {
        discard(db, workDir);
    }

    private static void discard(SqliteDatabase db, Path workDir) {
        C1zSnapshot.discard(db, workDir);
    }
}
