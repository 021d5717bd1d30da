package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer's temporary SQLite database and its batched upserts. Before any read, all pending batches are
 * flushed, so reads on this connection see every row put so far (the transaction is still open, but it is the
 * same connection).
 */
final class WorkingDatabase {
    private static final Logger log = LoggerFactory.getLogger(WorkingDatabase.class);

    /** A block of JDBC work. */
    @FunctionalInterface
    interface SqlAction {
        void run() throws SQLException;
    }

    private final SqliteDatabase db;
    private final Path workDir;
    private final SyncRowFilter scope;
    private final ResourceTypeTable resourceTypes;
    private final ResourceTable resources;
    private final EntitlementTable entitlements;
    private final GrantTable grants;
    private final SyncRunTable syncRuns;
    private final BatchedUpsert<ResourceType> resourceTypeUpserts;
    private final BatchedUpsert<Resource> resourceUpserts;
    private final BatchedUpsert<Entitlement> entitlementUpserts;
    private final BatchedUpsert<GrantEncoding.Encoded> grantUpserts;
    private final BatchedUpsert<GrantEncoding.Encoded> expansionPreservingGrantUpserts;
    private final List<BatchedUpsert<?>> allUpserts;
    private final Set<String> missingIndexes = new LinkedHashSet<>(C1zSchema.DEFERRED_INDEXES);
    private boolean connectionClosed;

    private WorkingDatabase(SqliteDatabase db, Path workDir, SyncRowFilter scope, int batchSize) throws SQLException {
        this.db = db;
        this.workDir = workDir;
        this.scope = scope;
        this.resourceTypes = new ResourceTypeTable(db, scope);
        this.resources = new ResourceTable(db, scope);
        this.entitlements = new EntitlementTable(db, scope);
        this.grants = new GrantTable(db, scope);
        this.syncRuns = new SyncRunTable(db);
        this.resourceTypeUpserts = resourceTypes.upserts(batchSize);
        this.resourceUpserts = resources.upserts(batchSize);
        this.entitlementUpserts = entitlements.upserts(batchSize);
        this.grantUpserts = grants.upserts(batchSize);
        this.expansionPreservingGrantUpserts = grants.expansionPreservingUpserts(batchSize);
        this.allUpserts = List.of(
                resourceTypeUpserts,
                resourceUpserts,
                entitlementUpserts,
                grantUpserts,
                expansionPreservingGrantUpserts);
    }

    /**
     * A new sync in {@code workDir/sync.db}: the syncs of {@code output} first unless {@code history} replaces them
     * (a file that is not a c1z is refused here, before any work, and left as it is), then the schema and the new
     * sync's run row. On failure nothing is left in {@code workDir}.
     */
    static WorkingDatabase startSync(
            Path output, Path workDir, C1zWriterOptions options, SyncHistory history, List<String> pragmas)
            throws C1zException {
        Path file = workDir.resolve("sync.db");
        SqliteDatabase db = null;
        try {
            boolean previous = !history.replace() && PreviousSyncs.present(output);
            if (previous) {
                PreviousSyncs.load(output, file);
            }
            db = SqliteDatabase.open(file, output, pragmas);
            if (previous) {
                PreviousSyncs.prepare(db.connection(), output);
            }
            String syncId =
                    Ksuid.create(options.clock().instant(), new SecureRandom()).toString();
            WorkingDatabase working = create(db, workDir, new SyncRowFilter(syncId), options.batchSize());
            working.syncRuns().start(syncId, SqliteTimestamp.format(LocalDateTime.now(options.clock())));
            return working;
        } catch (C1zException e) {
            closeQuietly(db);
            deleteTree(workDir);
            throw e;
        } catch (SQLException | UncheckedC1zException e) {
            closeQuietly(db);
            deleteTree(workDir);
            throw e instanceof UncheckedC1zException unchecked
                    ? unchecked.getCause()
                    : C1zException.of(output, "cannot create the working SQLite database in " + workDir, e);
        }
    }

    private static void closeQuietly(SqliteDatabase db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException e) {
            log.debug("closing the working database failed", e);
        }
    }

    /** Creates the schema without the deferred indexes on {@code db} and prepares the upserts. */
    static WorkingDatabase create(SqliteDatabase db, Path workDir, SyncRowFilter scope, int batchSize)
            throws SQLException {
        C1zSchema.createForWriting(db.connection());
        WorkingDatabase working = new WorkingDatabase(db, workDir, scope, batchSize);
        db.beforeRead(working::flushForRead);
        return working;
    }

    /**
     * Continues the schema of a sync a previous run wrote into {@code db}: every table exists, and the deferred
     * indexes are built at the end as usual ({@code create index if not exists}).
     */
    static WorkingDatabase reopen(SqliteDatabase db, Path workDir, SyncRowFilter scope, int batchSize)
            throws SQLException {
        WorkingDatabase working = new WorkingDatabase(db, workDir, scope, batchSize);
        db.beforeRead(working::flushForRead);
        return working;
    }

    Connection connection() {
        return db.connection();
    }

    /** Sends every pending row and commits: what is written so far survives a kill of the process. */
    void commit() throws SQLException {
        flush();
        db.connection().commit();
    }

    String syncId() {
        return scope.syncId();
    }

    Path file() {
        return workDir.resolve("sync.db");
    }

    ResourceTypeTable resourceTypes() {
        return resourceTypes;
    }

    ResourceTable resources() {
        return resources;
    }

    EntitlementTable entitlements() {
        return entitlements;
    }

    GrantTable grants() {
        return grants;
    }

    SyncRunTable syncRuns() {
        return syncRuns;
    }

    BatchedUpsert<ResourceType> resourceTypeUpserts() {
        return resourceTypeUpserts;
    }

    BatchedUpsert<Resource> resourceUpserts() {
        return resourceUpserts;
    }

    BatchedUpsert<Entitlement> entitlementUpserts() {
        return entitlementUpserts;
    }

    BatchedUpsert<GrantEncoding.Encoded> grantUpserts() {
        return grantUpserts;
    }

    BatchedUpsert<GrantEncoding.Encoded> expansionPreservingGrantUpserts() {
        return expansionPreservingGrantUpserts;
    }

    C1zCounts counts() {
        return C1zCounts.of(resourceTypes.ids(), entitlements.count(), grants.count(), resources.countByType());
    }

    /** Deletes the syncs other than this one that a file keeping {@code keep} full syncs drops; returns their ids. */
    List<String> pruneOtherSyncs(int keep) throws SQLException {
        flush();
        return SyncRetention.prune(db.connection(), scope.syncId(), keep);
    }

    void flush() throws SQLException {
        for (BatchedUpsert<?> upserts : allUpserts) {
            upserts.flush();
        }
    }

    private void flushForRead() {
        try {
            flush();
        } catch (SQLException e) {
            throw db.failure("cannot write pending rows", e);
        }
    }

    /** Builds a deferred index now, because a read is about to rely on it; later rows maintain it as usual. */
    void ensureIndex(String name) throws SQLException {
        if (missingIndexes.remove(name)) {
            flush();
            C1zSchema.createIndex(db.connection(), name);
        }
    }

    /**
     * Builds the remaining deferred indexes, commits the one transaction and closes the connection, leaving a
     * complete database file to compress.
     */
    void commitAndClose() throws SQLException {
        flush();
        for (String name : List.copyOf(missingIndexes)) {
            ensureIndex(name);
        }
        for (BatchedUpsert<?> upserts : allUpserts) {
            upserts.close();
        }
        db.connection().commit();
        connectionClosed = true;
        db.close();
    }

    /**
     * Closes the connection if still open, rolling back what was not committed, and keeps the files: a resumable
     * sync continues from them.
     */
    void closeKeepingFiles() {
        if (!connectionClosed) {
            connectionClosed = true;
            try {
                db.connection().rollback();
                db.close();
            } catch (SQLException e) {
                log.debug("closing the working database of sync {} failed", scope.syncId(), e);
            }
        }
    }

    /** Closes the connection if still open and deletes the working directory. */
    void discard() {
        if (!connectionClosed) {
            connectionClosed = true;
            try {
                db.close();
            } catch (SQLException e) {
                log.debug("closing the working database of sync {} failed", scope.syncId(), e);
            }
        }
        deleteTree(workDir);
    }

    static void deleteTree(Path dir) {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        } catch (IOException e) {
            log.debug("cannot list working directory {}", dir, e);
        }
        paths.forEach(C1zEnvelope::deleteQuietly);
    }
}
