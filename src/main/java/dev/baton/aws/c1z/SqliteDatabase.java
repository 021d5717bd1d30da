package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One JDBC connection to a working SQLite file, with the few query shapes the tables need. Failures surface as
 * {@link UncheckedC1zException} naming {@code label} (the c1z the user knows about, not the temp file).
 */
final class SqliteDatabase implements AutoCloseable {
    /** Maps the current row; may throw the protobuf parse error of a corrupt blob. */
    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException, IOException;
    }

    private final Path label;
    private final Connection connection;
    /**
     * Read statements by SQL text, prepared once: the expander runs thousands of small lookups, and preparing
     * against this schema costs more than most of them. The set of query shapes is small and fixed.
     */
    private final Map<String, PreparedStatement> statements = new HashMap<>();

    private Runnable beforeRead = () -> {};

    private SqliteDatabase(Path label, Connection connection) {
        this.label = label;
        this.connection = connection;
    }

    /** Opens {@code file} (created if missing), runs {@code pragmas}, then turns autocommit off. */
    static SqliteDatabase open(Path file, Path label, List<String> pragmas) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            for (String pragma : pragmas) {
                statement.execute("pragma " + pragma);
            }
            connection.setAutoCommit(false);
            return new SqliteDatabase(label, connection);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    Path label() {
        return label;
    }

    Connection connection() {
        return connection;
    }

    /** Runs before every read, so a writer can flush its pending batches and reads see all rows written. */
    void beforeRead(Runnable hook) {
        this.beforeRead = Objects.requireNonNull(hook, "hook is null");
    }

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    <T> List<T> list(String sql, List<?> params, RowMapper<T> mapper) {
        beforeRead.run();
        List<T> rows = new ArrayList<>();
        try {
            PreparedStatement statement = prepared(sql);
            bind(statement, params);
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
        } catch (SQLException | IOException | IllegalArgumentException e) {
            throw failure("query failed: " + firstLine(sql), e);
        }
        return rows;
    }

    private PreparedStatement prepared(String sql) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    <T> Optional<T> first(String sql, List<?> params, RowMapper<T> mapper) {
        List<T> rows = list(sql + " limit 1", params, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    long count(String sql, List<?> params) {
        return first(sql, params, row -> row.getLong(1)).orElse(0L);
    }

    void update(String sql, List<?> params) {
        beforeRead.run();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw failure("update failed: " + firstLine(sql), e);
        }
    }

    UncheckedC1zException failure(String problem, Exception cause) {
        return new UncheckedC1zException(C1zException.of(label, problem, cause));
    }

    static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object value = params.get(i);
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.NULL);
            } else if (value instanceof String text) {
                statement.setString(index, text);
            } else if (value instanceof byte[] bytes) {
                statement.setBytes(index, bytes);
            } else if (value instanceof Number number) {
                statement.setLong(index, number.longValue());
            } else {
                throw new IllegalArgumentException(
                        "unsupported parameter type " + value.getClass().getName());
            }
        }
    }

    private static String firstLine(String sql) {
        String trimmed = sql.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    @Override
    public void close() throws SQLException {
        try {
            for (PreparedStatement statement : statements.values()) {
                statement.close();
            }
            statements.clear();
        } finally {
            connection.close();
        }
    }
}
