package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one full sync into a new c1z v1 file. Rows go to a temporary SQLite database in batches inside one
 * transaction; {@link #finish()} compresses it into the output atomically. Reads see every row put so far.
 *
 * <p>Each method is atomic and may be called from several threads; the callbacks of the {@code forEach} methods
 * run between pages, without the lock, so they may write. Put and lookup methods report storage failures as
 * {@link UncheckedC1zException} and reject objects without the ids their columns need with
 * {@link IllegalArgumentException}.
 */
public final class C1zWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(C1zWriter.class);
    /**
     * No journal and no fsync while writing: the file is private and thrown away on failure, durability comes from
     * the fsync of the compressed output. 64 KiB pages (set before the first table exists) pack kilobyte grant
     * rows with less slack than 4 KiB ones, so the file and the c1z come out smaller, and every table scan (each
     * deferred index build is one) needs a sixteenth of the reads. The page cache is native and bounded; with
     * large pages SQLite's memory grows well past the cache size above about 32 MiB, so it stays there. Two helper
     * threads let SQLite sort in parallel while it builds the deferred indexes (at XL 14.2 s became 9.9 s).
     */
    private static final List<String> WRITE_PRAGMAS = List.of(
            "page_size = 65536",
            "journal_mode = OFF",
            "synchronous = OFF",
            "locking_mode = EXCLUSIVE",
            "cache_size = -32768",
            "threads = 2");

    /**
     * A resumable sync commits every few seconds ({@link #checkpoint()}), so a killed run leaves a consistent
     * database: the rollback journal undoes the part of a transaction that was cut short.
     */
    private static final List<String> RESUMABLE_PRAGMAS = WRITE_PRAGMAS.stream()
            .map(pragma -> pragma.startsWith("journal_mode") ? "journal_mode = TRUNCATE" : pragma)
            .toList();

    private final Path output;
    private final OutputSession session;
    private final C1zWriterOptions options;
    private final WorkingDatabase working;
    private final String syncId;
    private final SyncHistory history;
    /** Used under this writer's lock only. */
    private final GrantSerializer grantSerializer = new GrantSerializer();
    /** The checkpoint of a resumable sync; null for a sync that starts over on every run. */
    private final ResumeTables resume;

    private final boolean resumed;
    private boolean closed;
    private boolean finishing;

    private C1zWriter(
            OutputSession session,
            C1zWriterOptions options,
            WorkingDatabase working,
            String syncId,
            SyncHistory history,
            ResumeTables resume,
            boolean resumed) {
        this.output = session.target();
        this.session = session;
        this.options = options;
        this.working = working;
        this.syncId = syncId;
        this.history = history;
        this.resume = resume;
        this.resumed = resumed;
    }

    /** A writer whose file holds only the new sync, whatever {@code output} holds now. */
    public static C1zWriter create(Path output, C1zWriterOptions options) throws C1zException {
        return create(output, options, SyncHistory.replaceExisting());
    }

    /**
     * Opens a temp SQLite database in {@code options.tempDir()}, creates the v1 schema and starts the sync. Unless
     * {@code history} replaces it, an existing non-empty {@code output} is loaded first, so the new sync is added
     * beside its syncs; a file that is not a c1z is refused here, before any work, and left as it is.
     */
    public static C1zWriter create(Path output, C1zWriterOptions options, SyncHistory history) throws C1zException {
        Objects.requireNonNull(output, "output is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(history, "history is null");
        OutputSession session = OutputSession.open(output, options.tempDir());
        try {
            return create(session, options, history);
        } catch (C1zException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /** As {@link #create(OutputSession, C1zWriterOptions, SyncHistory)}, replacing what the file holds. */
    public static C1zWriter create(OutputSession session, C1zWriterOptions options) throws C1zException {
        return create(session, options, SyncHistory.replaceExisting());
    }

    /**
     * Opens a temp SQLite database in {@code options.tempDir()}, creates the v1 schema and starts the sync;
     * {@link #finish()} commits it through {@code session}, which the writer owns from here on. Unless
     * {@code history} replaces it, the syncs of the existing non-empty target are loaded first (under the
     * session's lock, so no other run changes them meanwhile); a file that is not a c1z is refused here, before
     * any work, and left as it is.
     */
    public static C1zWriter create(OutputSession session, C1zWriterOptions options, SyncHistory history)
            throws C1zException {
        Objects.requireNonNull(session, "session is null");
        Objects.requireNonNull(options, "options is null");
        Objects.requireNonNull(history, "history is null");
        Path output = session.target();
        Path workDir = ScratchNames.createWorkDirectory(output, options.tempDir());
        session.track(workDir);
        WorkingDatabase working = WorkingDatabase.startSync(output, workDir, options, history, WRITE_PRAGMAS);
        log.debug("writing sync {} to {} via {}", working.syncId(), output, workDir);
        return new C1zWriter(session, options, working, working.syncId(), history, null, false);
    }

    /**
     * A writer whose working database is kept in {@code spec}'s directory until the file is committed: it continues
     * the unfinished sync kept there when that sync was started with the same settings on the same file
     * ({@link #resumed()}), and starts a new one otherwise. {@link #checkpoint()} makes what was written durable;
     * closing without {@link #finish()} keeps the directory for the next run.
     *
     * @throws ResumeRefusedException when the kept sync was started with other settings
     */
    public static C1zWriter createResumable(
            OutputSession session, C1zWriterOptions options, SyncHistory history, ResumeSpec spec) throws C1zException {
        Objects.requireNonNull(session, "session is null");
        Objects.requireNonNull(spec, "spec is null");
        CheckpointOpener.Opened opened =
                CheckpointOpener.open(session.target(), spec, options, history, RESUMABLE_PRAGMAS);
        session.keepOnStop(spec.directory());
        log.debug(
                "{} sync {} of {} in {}",
                opened.resumed() ? "continuing" : "writing",
                opened.syncId(),
                session.target(),
                spec.directory());
        return new C1zWriter(
                session, options, opened.working(), opened.syncId(), history, opened.tables(), opened.resumed());
    }

    /** True when this writer continues a sync an earlier run started and did not finish. */
    public boolean resumed() {
        return resumed;
    }

    /** Commits what was written so far (a no-op for a writer that is not resumable). */
    public synchronized void checkpoint() {
        if (resume != null) {
            put(working::commit);
        }
    }

    /** Records that {@code listing}'s next page is {@code next}, or that it is complete when {@code next} is null. */
    public synchronized void putListingState(String listing, String next) {
        if (resume != null) {
            put(() -> resume.putListing(listing, next));
        }
    }

    /** Keeps an object written before what it names, until {@link #clearWaiting()}; {@code kind} tells them apart. */
    public synchronized void putWaiting(int kind, byte[] data) {
        if (resume != null) {
            put(() -> resume.putWaiting(kind, data));
        }
    }

    public synchronized void clearWaiting() {
        if (resume != null) {
            put(resume::clearWaiting);
        }
    }

    /** Remembers a connector's answer for a run that continues this sync. */
    public synchronized void putMemo(String key, String value) {
        if (resume != null) {
            put(() -> resume.putMemo(key, value));
        }
    }

    /** What the checkpoint says of the listings, in one read; nothing done for a new sync. */
    public synchronized ListingStates listingStates() {
        return readResume(resume::listings, new ListingStates(Set.of(), Map.of()));
    }

    public synchronized List<byte[]> waiting(int kind) {
        return readResume(() -> resume.waiting(kind), List.of());
    }

    public synchronized Map<String, String> memos() {
        return readResume(resume::memos, Map.of());
    }

    /** The sync's resources in the order they were written, one batch at a time. */
    public void forEachResource(Consumer<Resource> consumer) {
        GrantTable.forEachPaged(this::resourcePage, options.batchSize(), keyed -> consumer.accept(keyed.resource()));
    }

    private synchronized List<ResourceTable.Keyed> resourcePage(long afterRowId, int limit) {
        return requireOpen().resources().pageOfSync(afterRowId, limit);
    }

    public synchronized boolean hasEntitlement(String entitlementId) {
        return requireOpen().entitlements().exists(entitlementId);
    }

    /** True when a grant of the sync names entitlements to expand. */
    public synchronized boolean hasExpandableGrants() {
        return requireOpen().grants().anyExpandable();
    }

    @FunctionalInterface
    private interface ResumeRead<T> {
        T read() throws SQLException;
    }

    private <T> T readResume(ResumeRead<T> read, T none) {
        requireOpen();
        if (resume == null || !resumed) {
            return none;
        }
        try {
            working.flush();
            return read.read();
        } catch (SQLException e) {
            throw new UncheckedC1zException(C1zException.of(output, "cannot read the checkpoint", e));
        }
    }

    /** The KSUID of the sync being written; every row carries it. */
    public String syncId() {
        return syncId;
    }

    /**
     * Records the sync as {@code full} (the default), {@code partial} (a targeted sync) or {@code resources_only}
     * (no entitlements or grants listed), as the SDK does for the same runs.
     */
    public synchronized void setSyncType(String type) {
        put(() -> working.syncRuns().setType(syncId, type));
    }

    public synchronized void putResourceTypes(List<ResourceType> types) {
        types.forEach(ResourceTypeTable::validate);
        put(() -> {
            String now = now();
            for (ResourceType type : types) {
                working.resourceTypeUpserts().add(type, now);
            }
        });
    }

    public synchronized void putResources(List<Resource> resources) {
        resources.forEach(ResourceTable::validate);
        put(() -> {
            String now = now();
            for (Resource resource : resources) {
                working.resourceUpserts().add(resource, now);
            }
        });
    }

    public synchronized void putEntitlements(List<Entitlement> entitlements) {
        entitlements.forEach(EntitlementTable::validate);
        put(() -> {
            String now = now();
            for (Entitlement entitlement : entitlements) {
                working.entitlementUpserts().add(entitlement, now);
            }
        });
    }

    /**
     * Upserts grants. A {@code GrantExpandable} annotation is moved out of the blob into the {@code expansion}
     * column ({@code needs_expansion=1} when it names a non-blank entitlement id); an existing row's expansion is
     * replaced by the new grant's, or cleared when it has none.
     */
    public synchronized void putGrants(List<Grant> grants) {
        List<GrantEncoding.Encoded> encoded = grants.stream()
                .map(grant -> GrantEncoding.encode(grant, grantSerializer))
                .toList();
        put(() -> {
            String now = now();
            for (GrantEncoding.Encoded grant : encoded) {
                working.grantUpserts().add(grant, now);
            }
        });
    }

    /**
     * Upserts grants but keeps the {@code expansion} column of rows that already exist. This is for the
     * expander, which rewrites stored grants (adding {@code sources}) from blobs that no longer carry the
     * annotation. New rows still get the column from their own annotation.
     */
    public synchronized void putGrantsPreservingExpansion(List<Grant> grants) {
        List<GrantEncoding.Encoded> encoded = grants.stream()
                .map(grant -> GrantEncoding.encode(grant, grantSerializer))
                .toList();
        put(() -> {
            String now = now();
            for (GrantEncoding.Encoded grant : encoded) {
                working.expansionPreservingGrantUpserts().add(grant, now);
            }
        });
    }

    public synchronized boolean hasResource(ResourceId id) {
        return requireOpen().resources().exists(id);
    }

    public synchronized boolean hasResourceType(String id) {
        return requireOpen().resourceTypes().exists(id);
    }

    public synchronized Optional<Resource> resource(ResourceId id) {
        return requireOpen().resources().byId(id);
    }

    public synchronized Optional<Entitlement> entitlement(String entitlementId) {
        return requireOpen().entitlements().byId(entitlementId);
    }

    public synchronized Optional<StoredGrant> grant(String grantId) {
        return requireOpen().grants().byId(grantId);
    }

    /** Grants whose {@code expansion} column is set, in rowid order, fetched one batch at a time. */
    public void forEachExpandableGrant(Consumer<StoredGrant> consumer) {
        GrantTable.forEachPaged(this::expandablePage, options.batchSize(), keyed -> consumer.accept(keyed.grant()));
    }

    /** An entitlement's grants in rowid order, fetched one batch at a time (never the whole list at once). */
    public void forEachGrantOfEntitlement(String entitlementId, Consumer<StoredGrant> consumer) {
        Objects.requireNonNull(entitlementId, "entitlementId is null");
        GrantTable.forEachPaged(
                (after, limit) -> entitlementPage(entitlementId, after, limit),
                options.batchSize(),
                keyed -> consumer.accept(keyed.grant()));
    }

    /**
     * The id and principal id of an entitlement's grants in rowid order, from the columns (no blob is decoded),
     * fetched one batch at a time.
     */
    public void forEachGrantPrincipal(String entitlementId, BiConsumer<String, ResourceId> consumer) {
        Objects.requireNonNull(entitlementId, "entitlementId is null");
        GrantTable.forEachPaged(
                (after, limit) -> principalPage(entitlementId, after, limit),
                options.batchSize(),
                row -> consumer.accept(row.grantId(), row.principal()));
    }

    private synchronized List<GrantTable.Keyed> expandablePage(long afterRowId, int limit) {
        return requireOpen().grants().pageOfExpandable(afterRowId, limit);
    }

    private synchronized List<GrantTable.Keyed> entitlementPage(String entitlementId, long afterRowId, int limit) {
        return indexedByEntitlement().grants().pageOfEntitlement(entitlementId, afterRowId, limit);
    }

    private synchronized List<GrantTable.PrincipalRow> principalPage(String entitlementId, long afterRowId, int limit) {
        return indexedByEntitlement().grants().principalPageOfEntitlement(entitlementId, afterRowId, limit);
    }

    private WorkingDatabase indexedByEntitlement() {
        WorkingDatabase db = requireOpen();
        try {
            db.ensureIndex(C1zSchema.ENTITLEMENT_GRANTS_INDEX);
        } catch (SQLException e) {
            throw new UncheckedC1zException(C1zException.of(output, "cannot index grants by entitlement", e));
        }
        return db;
    }

    public synchronized C1zCounts counts() {
        return requireOpen().counts();
    }

    /**
     * Deletes the syncs {@link SyncHistory#keepSyncCount()} no longer keeps, stamps {@code ended_at}, closes the
     * database and atomically replaces {@code output} with the compressed file ({@link OutputSession#commit}). The
     * writer is closed afterwards, whether or not this succeeds.
     */
    public synchronized void finish() throws C1zException {
        WorkingDatabase db = requireOpen();
        finishing = true;
        try {
            db.flush();
            if (resume != null) {
                resume.drop();
            }
            List<String> dropped = db.pruneOtherSyncs(history.keepSyncCount());
            db.syncRuns().end(syncId, now());
            long start = System.nanoTime();
            db.commitAndClose();
            if (!dropped.isEmpty()) {
                PreviousSyncs.vacuum(db.file());
                log.debug("{}: removed {} older sync(s) {}", output, dropped.size(), dropped);
            }
            long indexed = System.nanoTime();
            session.commit(db.file(), options.zstdLevel());
            log.debug(
                    "wrote {}: indexes and commit {} ms, compressing {} bytes into {} bytes {} ms",
                    output,
                    (indexed - start) / 1_000_000,
                    sizeOf(db.file()),
                    sizeOf(output),
                    (System.nanoTime() - indexed) / 1_000_000);
        } catch (SQLException e) {
            throw C1zException.of(output, "cannot complete the working SQLite database", e);
        } catch (UncheckedC1zException e) {
            throw e.getCause();
        } finally {
            close();
        }
    }

    /**
     * Without a prior {@link #finish()}: discards the sync and its working files; an existing output file is left
     * untouched, because the output is only ever replaced by a rename of a complete file.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (resume != null && !finishing) {
            working.closeKeepingFiles();
        } else {
            working.discard();
        }
        session.close();
    }

    private void put(WorkingDatabase.SqlAction action) {
        requireOpen();
        try {
            action.run();
        } catch (SQLException e) {
            throw new UncheckedC1zException(C1zException.of(output, "cannot write rows", e));
        }
    }

    private WorkingDatabase requireOpen() {
        if (closed) {
            throw new IllegalStateException("c1z writer for " + output + " is already finished or closed");
        }
        return working;
    }

    private String now() {
        return SqliteTimestamp.format(LocalDateTime.now(options.clock()));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
