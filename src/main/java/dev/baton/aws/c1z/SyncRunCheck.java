package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rows of {@code v1_sync_runs}. A file may hold several sync runs, as SDK files do (the SDK keeps the newest
 * finished full syncs, and an interrupted run stays until it is resumed), and every run is checked. At least one
 * must be a finished full sync: that is the sync readers show, and the one {@code baton stats} and {@code diff}
 * need. Unfinished runs are allowed beside it, because SDK connectors resume them rather than fail.
 */
final class SyncRunCheck {
    static final String NAME = "sync";
    static final Set<String> SYNC_TYPES =
            Set.of("full", "partial", "resources_only", "partial_upserts", "partial_deletions");
    private static final String COLUMNS = "select sync_id, typeof(sync_id), started_at, typeof(started_at), ended_at,"
            + " typeof(ended_at), sync_token, sync_type, parent_sync_id, linked_sync_id, supports_diff"
            + " from v1_sync_runs order by id";

    /** One sync run as the later checks need it. */
    record Run(String syncId, String type, boolean finished) {}

    private SyncRunCheck() {}

    static List<Run> run(Connection connection, Violations violations) throws SQLException {
        List<Run> runs = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(COLUMNS)) {
            while (row.next()) {
                runs.add(check(row, violations));
            }
        }
        if (runs.stream().noneMatch(run -> run.finished() && run.type().equals("full"))) {
            violations.add(NAME, "no finished 'full' sync (ended_at set, sync_type 'full')");
        }
        return runs;
    }

    private static Run check(ResultSet row, Violations violations) throws SQLException {
        String syncId = row.getString(1);
        if (!"text".equals(row.getString(2)) || !isKsuid(syncId)) {
            violations.add(NAME, "sync_id '" + syncId + "' is not a 27-character base62 KSUID stored as TEXT");
        }
        timestamp(violations, syncId, "started_at", row.getString(3), row.getString(4));
        String endedAt = row.getString(5);
        if (endedAt != null) {
            timestamp(violations, syncId, "ended_at", endedAt, row.getString(6));
        }
        String[] names = {"sync_token", "sync_type", "parent_sync_id", "linked_sync_id"};
        for (int i = 0; i < names.length; i++) {
            if (row.getString(7 + i) == null) {
                violations.add(NAME, "sync " + syncId + ": " + names[i] + " is NULL; readers scan it into a string");
            }
        }
        String type = row.getString(8);
        if (type != null && !SYNC_TYPES.contains(type)) {
            violations.add(NAME, "sync " + syncId + ": unknown sync_type '" + type + "'");
        }
        if (endedAt != null && row.getLong(11) != 1) {
            violations.add(
                    NAME,
                    "sync " + syncId + ": supports_diff = " + row.getString(11)
                            + "; write 1 with canonical expansion columns");
        }
        return new Run(String.valueOf(syncId), String.valueOf(type), endedAt != null);
    }

    private static void timestamp(Violations violations, String syncId, String column, String value, String type) {
        if (!"text".equals(type) || !GoTimestamp.parses(value)) {
            violations.add(
                    StorageCheck.NAME,
                    "sync " + syncId + ": " + column + " = '" + value + "' (" + type
                            + "); must be TEXT like '2026-03-03 09:45:13.056791'");
        }
    }

    private static boolean isKsuid(String text) {
        if (text == null || !text.matches("[0-9A-Za-z]{27}")) {
            return false;
        }
        try {
            Ksuid.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
