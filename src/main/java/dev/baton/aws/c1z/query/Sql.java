package dev.baton.aws.c1z.query;

import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.UncheckedC1zException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Parameterized read-only queries on a snapshot's connection; every parameter is bound as TEXT. */
final class Sql {
    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException, IOException;
    }

    /** Receives rows one at a time; returning false stops the scan. */
    @FunctionalInterface
    interface RowVisitor {
        boolean visit(ResultSet row) throws SQLException, IOException;
    }

    private final Connection connection;
    private final Path file;

    Sql(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
    }

    Path file() {
        return file;
    }

    <T> List<T> list(String sql, List<String> params, Row<T> mapper) {
        List<T> rows = new ArrayList<>();
        scan(sql, params, row -> rows.add(mapper.map(row)));
        return rows;
    }

    void scan(String sql, List<String> params, RowVisitor visitor) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setString(i + 1, params.get(i));
            }
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    if (!visitor.visit(row)) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw failure("a stored row is not a valid protobuf message", e);
        } catch (SQLException e) {
            throw failure("query failed", e);
        }
    }

    UncheckedC1zException failure(String problem, Exception cause) {
        return new UncheckedC1zException(
                new C1zException(file + ": " + problem + " (" + cause.getMessage() + ")", cause));
    }

    /** A statement left open for a merge scan; the caller closes it. */
    PreparedStatement cursor(String sql, List<String> params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            statement.setString(i + 1, params.get(i));
        }
        return statement;
    }
}
