package dev.baton.aws.c1z;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** {@code v1_sync_runs}: the sync this writer records, and how a reader picks "the" sync of a file. */
final class SyncRunTable {
    private static final String COLUMNS = "select sync_id, sync_type, started_at, ended_at from v1_sync_runs";

    private final SqliteDatabase db;

    SyncRunTable(SqliteDatabase db) {
        this.db = db;
    }

    /**
     * Starts a full sync the way a finished SDK sync looks: no checkpoint token, no parent or linked sync,
     * {@code supports_diff=1} because grant rows carry the expansion columns, {@code grants_backfilled=1} so
     * readers skip their backfill, and {@code stats} NULL so they compute it on demand.
     */
    void start(String syncId, String startedAt) {
        db.update("""
                insert into v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type, parent_sync_id,
                    linked_sync_id, supports_diff, grants_backfilled, stats, ingest_invariant_generation,
                    ingest_invariant_coverage, ingest_invariant_mode)
                values (?, ?, null, '', 'full', '', '', 1, 1, null, '', '', '')""", List.of(syncId, startedAt));
    }

    /** The SDK's sync types a writer may record: a full sync, a targeted one, or resources only. */
    static final java.util.Set<String> TYPES = java.util.Set.of("full", "partial", "resources_only");

    void setType(String syncId, String type) {
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("sync type '" + type + "' is not one of " + TYPES);
        }
        db.update("update v1_sync_runs set sync_type = ? where sync_id = ?", List.of(type, syncId));
    }

    void end(String syncId, String endedAt) {
        db.update(
                "update v1_sync_runs set ended_at = ? where sync_id = ? and ended_at is null",
                List.of(endedAt, syncId));
    }

    /**
     * As baton readers choose: the latest finished full sync (text order of {@code ended_at}, then sync id), otherwise the most
     * recently started unfinished one. Unlike the SDK, unfinished syncs older than 7 days still count: this
     * reader inspects files, it does not resume syncs.
     */
    Optional<SyncRun> current() {
        Optional<SyncRun> finished = db.first(
                COLUMNS + " where ended_at is not null and sync_type = 'full'"
                        + " order by ended_at desc, sync_id desc",
                List.of(),
                SyncRunTable::syncRun);
        if (finished.isPresent()) {
            return finished;
        }
        return db.first(
                COLUMNS + " where ended_at is null order by started_at desc, sync_id desc",
                List.of(),
                SyncRunTable::syncRun);
    }

    private static SyncRun syncRun(ResultSet row) throws SQLException, IOException {
        String endedAt = row.getString(4);
        return new SyncRun(
                row.getString(1),
                row.getString(2),
                SqliteTimestamp.parse(row.getString(3)),
                endedAt == null ? null : SqliteTimestamp.parse(endedAt));
    }
}
