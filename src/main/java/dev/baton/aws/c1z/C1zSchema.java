package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SDK's v1 DDL, verbatim. Readers run {@code CREATE ... IF NOT EXISTS} with these exact names on every open,
 * so any other name, declared type or default shows up there as a duplicate index or a scan error. That is why
 * the swapped resource index names (SDK quirk) are kept as they are.
 */
final class C1zSchema {
    static final List<String> STATEMENTS = List.of(
            """
            create table if not exists v1_resource_types (
                id integer primary key,
                external_id text not null,
                data blob not null,
                sync_id text not null,
                discovered_at datetime not null
            )""",
            "create unique index if not exists idx_resource_types_external_sync_v1"
                    + " on v1_resource_types (external_id, sync_id)",
            """
            create table if not exists v1_resources (
                id integer primary key,
                resource_type_id text not null,
                external_id text not null,
            \tparent_resource_type_id text,
            \tparent_resource_id text,
                data blob not null,
                sync_id text not null,
                discovered_at datetime not null
            )""",
            "create index if not exists idx_resources_resource_type_id_v1 on v1_resources (resource_type_id)",
            "create index if not exists idx_resources_external_sync_v1"
                    + " on v1_resources (parent_resource_type_id, parent_resource_id)",
            "create unique index if not exists idx_resources_parent_resource_id_v1"
                    + " on v1_resources (external_id, sync_id)",
            """
            create table if not exists v1_entitlements (
                id integer primary key,
                resource_type_id text not null,
                resource_id text not null,
                external_id text not null,
                data blob not null,
                sync_id text not null,
                discovered_at datetime not null
            )""",
            "create index if not exists idx_entitlements_resource_id_v1"
                    + " on v1_entitlements (resource_type_id, resource_id)",
            "create unique index if not exists idx_entitlements_external_sync_v1"
                    + " on v1_entitlements (external_id, sync_id)",
            """
            create table if not exists v1_sync_runs (
                id integer primary key,
                sync_id text not null,
                started_at datetime not null,
                ended_at datetime,
                sync_token text not null,
                sync_type text not null default 'full',
                parent_sync_id text not null default '',
                linked_sync_id text not null default '',
                supports_diff integer not null default 0,
                grants_backfilled integer not null default 0,
                stats text,
                ingest_invariant_generation text not null default '',
                ingest_invariant_coverage text not null default '',
                ingest_invariant_mode text not null default ''
            )""",
            "create unique index if not exists idx_sync_runs_sync_id_v1 on v1_sync_runs (sync_id)",
            """
            create table if not exists v1_grants (
                id integer primary key,
            \tresource_type_id text not null,
                resource_id text not null,
                entitlement_id text not null,
                principal_resource_type_id text not null,
                principal_resource_id text not null,
                external_id text not null,
                expansion blob,                             -- Serialized GrantExpandable proto; NULL if grant is not expandable.
                needs_expansion integer not null default 0, -- 1 if grant should be processed during expansion.
                data blob not null,
                sync_id text not null,
                discovered_at datetime not null
            )""",
            "create index if not exists idx_grants_resource_type_id_resource_id_v1"
                    + " on v1_grants (resource_type_id, resource_id)",
            "create index if not exists idx_grants_principal_id_v1"
                    + " on v1_grants (principal_resource_type_id, principal_resource_id)",
            "create index if not exists idx_grants_entitlement_id_principal_id_v1"
                    + " on v1_grants (entitlement_id, principal_resource_type_id, principal_resource_id)",
            "create unique index if not exists idx_grants_external_sync_v1 on v1_grants (external_id, sync_id)",
            "create index if not exists idx_grants_sync_expansion_v1 on v1_grants (sync_id)"
                    + " where expansion is not null",
            "create index if not exists idx_grants_sync_needs_expansion_v1 on v1_grants (sync_id)"
                    + " where needs_expansion = 1",
            "create index if not exists idx_grants_entitlement_sync_grant_v1"
                    + " on v1_grants (entitlement_id, sync_id, id)",
            """
            create table if not exists v1_assets (
                id integer primary key,
                external_id text not null,
                content_type text not null,
                data blob not null,
                sync_id text not null,
                discovered_at datetime not null
            )""",
            "create unique index if not exists idx_assets_external_sync_v1 on v1_assets (external_id, sync_id)",
            """
            create table if not exists v1_connector_sessions (
                id integer primary key,
            \tsync_id text NOT NULL,
            \tkey TEXT NOT NULL,
            \tvalue BLOB NOT NULL
            )""",
            "create unique index if not exists idx_session_store_sync_key_v1"
                    + " on v1_connector_sessions (sync_id, key)");

    private static final Pattern INDEX_NAME = Pattern.compile("^create (?:unique )?index if not exists (\\w+)");

    /** Columns the SDK adds by migration; files written by older SDKs may lack them. */
    private static final List<List<String>> MIGRATED_COLUMNS = List.of(
            List.of("v1_sync_runs", "sync_type", "text not null default 'full'"),
            List.of("v1_sync_runs", "parent_sync_id", "text not null default ''"),
            List.of("v1_sync_runs", "linked_sync_id", "text not null default ''"),
            List.of("v1_sync_runs", "supports_diff", "integer not null default 0"),
            List.of("v1_sync_runs", "grants_backfilled", "integer not null default 0"),
            List.of("v1_sync_runs", "stats", "text"),
            List.of("v1_sync_runs", "ingest_invariant_generation", "text not null default ''"),
            List.of("v1_sync_runs", "ingest_invariant_coverage", "text not null default ''"),
            List.of("v1_sync_runs", "ingest_invariant_mode", "text not null default ''"),
            List.of("v1_grants", "expansion", "blob"),
            List.of("v1_grants", "needs_expansion", "integer not null default 0"));

    /** Serves the writer's per-entitlement paging; the writer builds it on first use. */
    static final String ENTITLEMENT_GRANTS_INDEX = "idx_grants_entitlement_sync_grant_v1";

    /**
     * Grant indexes no write path needs. Maintaining them row by row roughly doubles the cost of a grant insert,
     * while building them once over the finished table is a single sort, so a writer creates them last.
     * Listed in the SDK's creation order.
     */
    static final List<String> DEFERRED_INDEXES = List.of(
            "idx_grants_resource_type_id_resource_id_v1",
            "idx_grants_principal_id_v1",
            "idx_grants_entitlement_id_principal_id_v1",
            ENTITLEMENT_GRANTS_INDEX);

    private C1zSchema() {}

    /** Every table and index, in the SDK's order. */
    static void create(Connection connection) throws SQLException {
        execute(connection, STATEMENTS);
    }

    /** Every table and every index except {@link #DEFERRED_INDEXES}. */
    static void createForWriting(Connection connection) throws SQLException {
        execute(
                connection,
                STATEMENTS.stream()
                        .filter(ddl -> indexName(ddl).isEmpty()
                                || !DEFERRED_INDEXES.contains(indexName(ddl).get()))
                        .toList());
    }

    /** Creates one of the {@link #DEFERRED_INDEXES}; a no-op when it exists. */
    static void createIndex(Connection connection, String name) throws SQLException {
        execute(
                connection,
                STATEMENTS.stream()
                        .filter(ddl -> indexName(ddl).filter(name::equals).isPresent())
                        .toList());
    }

    private static Optional<String> indexName(String ddl) {
        Matcher matcher = INDEX_NAME.matcher(ddl);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : statements) {
                statement.execute(ddl);
            }
        }
    }

    /**
     * Brings an existing file to this schema the way SDK readers do on open: missing tables are created empty,
     * missing migrated columns are added, then the indexes (two of which need {@code expansion}) are created.
     */
    static void migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : STATEMENTS) {
                if (ddl.startsWith("create table")) {
                    statement.execute(ddl);
                }
            }
            for (List<String> column : MIGRATED_COLUMNS) {
                if (!hasColumn(connection, column.get(0), column.get(1))) {
                    statement.execute(
                            "alter table " + column.get(0) + " add column " + column.get(1) + " " + column.get(2));
                }
            }
            for (String ddl : STATEMENTS) {
                if (!ddl.startsWith("create table")) {
                    statement.execute(ddl);
                }
            }
        }
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet columns = statement.executeQuery("pragma table_info('" + table + "')")) {
            while (columns.next()) {
                if (column.equalsIgnoreCase(columns.getString("name"))) {
                    return true;
                }
            }
            return false;
        }
    }
}
