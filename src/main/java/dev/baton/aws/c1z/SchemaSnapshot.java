package dev.baton.aws.c1z;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code v1_} tables and named indexes of a SQLite database as SQLite itself reports them (declared type,
 * not null, default and primary key of each column; table, columns, uniqueness and partial condition of each
 * index), so two databases can be compared however their DDL was spelled.
 */
record SchemaSnapshot(Map<String, List<Column>> tables, Map<String, Index> indexes) {
    private static final Pattern WHERE = Pattern.compile("(?is)\\bwhere\\b(.*)$");
    private static final Pattern UNIQUE = Pattern.compile("(?is)^\\s*create\\s+unique\\b.*");

    /** One column; {@code defaultValue} without its quotes, empty when there is none. */
    record Column(String name, String declaredType, boolean notNull, String defaultValue, boolean primaryKey) {
        String describe() {
            return "(type " + declaredType + ", not null " + notNull + ", default '" + defaultValue + "', primary key "
                    + primaryKey + ")";
        }
    }

    /** One named index; {@code where} is the normalized partial-index condition, empty when there is none. */
    record Index(String table, List<String> columns, boolean unique, String where) {
        String describe() {
            return (unique ? "unique " : "") + "on " + table + " " + columns
                    + (where.isEmpty() ? "" : " where " + where);
        }
    }

    static SchemaSnapshot of(Connection connection) throws SQLException {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        for (String table : strings(
                connection,
                "select name from sqlite_master where type = 'table' and name like 'v1\\_%' escape '\\' order by name")) {
            tables.put(table, columns(connection, table));
        }
        Map<String, Index> indexes = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select name, tbl_name, sql from sqlite_master"
                        + " where type = 'index' and sql is not null order by name")) {
            while (rows.next()) {
                String sql = rows.getString(3);
                Matcher where = WHERE.matcher(sql);
                indexes.put(
                        rows.getString(1),
                        new Index(
                                rows.getString(2),
                                strings(connection, "select name from pragma_index_info('" + rows.getString(1) + "')"),
                                UNIQUE.matcher(sql).matches(),
                                where.find()
                                        ? where.group(1)
                                                .strip()
                                                .replaceAll("\\s+", " ")
                                                .toLowerCase(Locale.ROOT)
                                        : ""));
            }
        }
        return new SchemaSnapshot(tables, indexes);
    }

    private static List<Column> columns(Connection connection, String table) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("pragma table_info('" + table + "')")) {
            while (rows.next()) {
                String defaultValue = rows.getString("dflt_value");
                columns.add(new Column(
                        rows.getString("name"),
                        rows.getString("type").toLowerCase(Locale.ROOT),
                        rows.getInt("notnull") != 0,
                        defaultValue == null ? "" : defaultValue.replaceAll("^['\"]|['\"]$", ""),
                        rows.getInt("pk") != 0));
            }
        }
        return columns;
    }

    private static List<String> strings(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
