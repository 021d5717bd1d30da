package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Storage classes, which the SDK's driver converts by: ids and text as TEXT ({@code where sync_id = ?} never
 * matches a BLOB), blobs as BLOB, {@code discovered_at} as a TEXT timestamp it can parse. Also that every row
 * belongs to a sync run the file records.
 */
final class StorageCheck {
    static final String NAME = "storage";

    /** A data table, its TEXT columns and its BLOB columns. */
    private record Table(String name, List<String> text, List<String> blob) {}

    private static final List<Table> TABLES = List.of(
            new Table("v1_resource_types", List.of("external_id", "sync_id", "discovered_at"), List.of("data")),
            new Table(
                    "v1_resources",
                    List.of("resource_type_id", "external_id", "sync_id", "discovered_at"),
                    List.of("data")),
            new Table(
                    "v1_entitlements",
                    List.of("resource_type_id", "resource_id", "external_id", "sync_id", "discovered_at"),
                    List.of("data")),
            new Table(
                    "v1_grants",
                    List.of(
                            "resource_type_id",
                            "resource_id",
                            "entitlement_id",
                            "principal_resource_type_id",
                            "principal_resource_id",
                            "external_id",
                            "sync_id",
                            "discovered_at"),
                    List.of("data")));

    private StorageCheck() {}

    static void run(Connection connection, Set<String> syncIds, Violations violations) throws SQLException {
        for (Table table : TABLES) {
            for (String column : table.text()) {
                count(connection, violations, table.name(), column, "text", "TEXT");
            }
            for (String column : table.blob()) {
                count(connection, violations, table.name(), column, "blob", "BLOB");
            }
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select distinct sync_id from " + table.name())) {
                while (rows.next()) {
                    if (!syncIds.contains(rows.getString(1))) {
                        violations.add(
                                SyncRunCheck.NAME,
                                table.name() + ": rows with sync_id '" + rows.getString(1)
                                        + "' that has no v1_sync_runs row");
                    }
                }
            }
            long unparsable = 0;
            try (Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select discovered_at from " + table.name())) {
                while (rows.next()) {
                    if (!GoTimestamp.parses(rows.getString(1))) {
                        unparsable++;
                    }
                }
            }
            if (unparsable > 0) {
                violations.add(
                        NAME,
                        table.name() + ".discovered_at: " + unparsable + " values are not Go-parseable timestamps");
            }
        }
    }

    private static void count(
            Connection connection,
            Violations violations,
            String table,
            String column,
            String storageClass,
            String label)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select count(*) from " + table + " where typeof(" + column + ") != '" + storageClass + "'")) {
            long count = rows.next() ? rows.getLong(1) : 0;
            if (count > 0) {
                violations.add(NAME, table + "." + column + ": " + count + " rows not stored as " + label);
            }
        }
    }
}
