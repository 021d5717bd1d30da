package dev.baton.aws.c1z.query;

import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.C1zSnapshot;
import dev.baton.aws.c1z.QueryCache;
import dev.baton.aws.c1z.UncheckedC1zException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A c1z file opened for questions about any of its syncs. Which sync answers by default follows the baton CLI:
 * the latest finished full sync, else the latest finished sync of any type, else the latest unfinished one.
 * "Latest" is the text order of {@code ended_at}, then the sync id, as the SDK orders them.
 */
public final class SyncFile implements AutoCloseable {
    private static final Comparator<SyncRunRow> NEWEST_FIRST = Comparator.comparing(
                    (SyncRunRow run) -> run.endedAt() == null ? "" : run.endedAt())
            .thenComparing(SyncRunRow::syncId)
            .reversed();

    private final C1zSnapshot snapshot;
    private final Sql sql;
    private final List<SyncRunRow> runs;

    private SyncFile(C1zSnapshot snapshot, Sql sql, List<SyncRunRow> runs) {
        this.snapshot = snapshot;
        this.sql = sql;
        this.runs = runs;
    }

    /** Reads a private copy, decompressed into {@code tempDir} and deleted on close. */
    public static SyncFile open(Path c1zFile, Path tempDir) throws C1zException {
        return of(C1zSnapshot.open(c1zFile, tempDir));
    }

    /** Reads the copy {@code cache} keeps of the file as it is now, making it when there is none. */
    public static SyncFile open(Path c1zFile, QueryCache cache) throws C1zException {
        return of(cache.open(c1zFile));
    }

    private static SyncFile of(C1zSnapshot snapshot) throws C1zException {
        Path c1zFile = snapshot.file();
        Sql sql = new Sql(snapshot.connection(), c1zFile);
        try {
            List<SyncRunRow> runs = sql.list(
                    "select sync_id, sync_type, started_at, ended_at, parent_sync_id"
                            + " from v1_sync_runs order by id",
                    List.of(),
                    row -> new SyncRunRow(
                            row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5)));
            return new SyncFile(snapshot, sql, runs);
        } catch (UncheckedC1zException e) {
            snapshot.close();
            throw e.getCause();
        }
    }

    public Path file() {
        return snapshot.file();
    }

    /** The snapshot's connection, for read-only queries this class does not offer. */
    public java.sql.Connection connection() {
        return snapshot.connection();
    }

    /** Every sync run in the order they were recorded. */
    public List<SyncRunRow> syncRuns() {
        return runs;
    }

    /** Finished full syncs, newest first: what {@code baton diff} compares. */
    public List<SyncRunRow> finishedFullSyncs() {
        return runs.stream()
                .filter(SyncRunRow::fullAndFinished)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /** The sync a question without {@code --sync-id} is about; empty for a file without syncs. */
    public Optional<SyncRunRow> defaultSync() {
        Optional<SyncRunRow> full = finishedFullSyncs().stream().findFirst();
        if (full.isPresent()) {
            return full;
        }
        Optional<SyncRunRow> finished =
                runs.stream().filter(SyncRunRow::finished).sorted(NEWEST_FIRST).findFirst();
        if (finished.isPresent()) {
            return finished;
        }
        return runs.stream().max(Comparator.comparing(SyncRunRow::startedAt).thenComparing(SyncRunRow::syncId));
    }

    public Optional<SyncRunRow> syncRun(String syncId) {
        return runs.stream().filter(run -> run.syncId().equals(syncId)).findFirst();
    }

    /** The rows of one sync. */
    public SyncView view(SyncRunRow run) {
        return new SyncView(sql, run);
    }

    @Override
    public void close() {
        snapshot.close();
    }
}
