package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes the syncs a file no longer keeps, with the SDK's retention rules: unfinished syncs and the sync being
 * written are never deleted; of the finished full syncs (and syncs of unknown type) the newest
 * {@code keep - 1} stay beside the one being written; partial syncs that ended before the newest deleted full
 * sync started go with it (the SDK's cut-off while a sync is open). Diff-pair syncs are left alone (this writer never makes
 * them).
 */
final class SyncRetention {
    /** Every table whose rows belong to a sync, sync runs last. */
    private static final List<String> SYNC_TABLES = List.of(
            "v1_resource_types",
            "v1_resources",
            "v1_entitlements",
            "v1_grants",
            "v1_assets",
            "v1_connector_sessions",
            "v1_sync_runs");

    private static final List<String> PARTIAL_TYPES = List.of("partial", "resources_only");
    private static final List<String> DIFF_TYPES = List.of("partial_upserts", "partial_deletions");

    private SyncRetention() {}

    /** One row of {@code v1_sync_runs} as the policy needs it; times are compared as text, like the SDK does. */
    record Run(String syncId, String type, String startedAt, String endedAt) {}

    /** The ids of the syncs to delete, from the runs in insertion order. */
    static List<String> select(List<Run> runs, String currentSyncId, int keep) {
        List<Run> full = new ArrayList<>();
        List<Run> partials = new ArrayList<>();
        for (Run run : runs) {
            if (run.endedAt() == null || run.syncId().equals(currentSyncId)) {
                continue;
            }
            if (PARTIAL_TYPES.contains(run.type())) {
                partials.add(run);
            } else if (!DIFF_TYPES.contains(run.type())) {
                full.add(run);
            }
        }
        int kept = keep - 1; // the sync being written is one of them
        List<String> delete = new ArrayList<>();
        if (full.size() <= kept) {
            return delete;
        }
        int overflow = full.size() - kept;
        for (int i = 0; i < overflow; i++) {
            delete.add(full.get(i).syncId());
        }
        String cutoff = full.get(overflow - 1).startedAt();
        for (Run partial : partials) {
            if (partial.endedAt().compareTo(cutoff) < 0) {
                delete.add(partial.syncId());
            }
        }
        return delete;
    }

    /** Applies {@link #select} to the database; returns the ids of the deleted syncs. */
    static List<String> prune(Connection connection, String currentSyncId, int keep) throws SQLException {
        List<String> delete = select(runs(connection), currentSyncId, keep);
        for (String syncId : delete) {
            for (String table : SYNC_TABLES) {
                try (PreparedStatement statement =
                        connection.prepareStatement("delete from " + table + " where sync_id = ?")) {
                    statement.setString(1, syncId);
                    statement.executeUpdate();
                }
            }
        }
        return delete;
    }

    private static List<Run> runs(Connection connection) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "select sync_id, sync_type, started_at, ended_at from v1_sync_runs order by id")) {
            while (row.next()) {
                runs.add(new Run(row.getString(1), row.getString(2), row.getString(3), row.getString(4)));
            }
        }
        return runs;
    }
}
