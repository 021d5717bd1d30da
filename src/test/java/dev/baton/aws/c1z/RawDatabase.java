package dev.baton.aws.c1z;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The SQLite content of a c1z file, for tests that check columns and storage classes directly. */
final class RawDatabase implements AutoCloseable {
    private final Connection connection;

    private RawDatabase(Connection connection) {
        this.connection = connection;
    }

    static RawDatabase decode(Path c1z, Path dir) throws Exception {
        Path db = dir.resolve(c1z.getFileName() + ".db");
        C1zEnvelope.read(c1z, db);
        return new RawDatabase(DriverManager.getConnection("jdbc:sqlite:" + db));
    }

    /** Every row of a query, each as a list of column values ({@code byte[]} for blobs, {@code Long} for integers). */
    List<List<Object>> rows(String sql, Object... params) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            SqliteDatabase.bind(statement, List.of(params));
            try (ResultSet row = statement.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<Object> values = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = row.getObject(i);
                        // the driver returns Integer or Long depending on magnitude; tests compare with Long
                        values.add(value instanceof Integer small ? Long.valueOf(small) : value);
                    }
                    rows.add(values);
                }
            }
        }
        return rows;
    }

    Object single(String sql, Object... params) throws SQLException {
        List<List<Object>> rows = rows(sql, params);
        if (rows.size() != 1 || rows.get(0).size() != 1) {
            throw new AssertionError("expected one value from " + sql + ", got " + rows);
        }
        return rows.get(0).get(0);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
