package dev.baton.aws.c1z;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A prepared upsert whose rows are sent to SQLite in JDBC batches. At most {@code batchSize} rows wait in the
 * batch, so memory stays flat however many rows a sync writes.
 */
final class BatchedUpsert<T> implements AutoCloseable {
    /** Binds one value's columns; {@code discoveredAt} is the TEXT timestamp of the put call. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, T value, String discoveredAt) throws SQLException;
    }

    private final PreparedStatement statement;
    private final Binder<T> binder;
    private final int batchSize;
    private int pending;

    BatchedUpsert(PreparedStatement statement, Binder<T> binder, int batchSize) {
        this.statement = statement;
        this.binder = binder;
        this.batchSize = batchSize;
    }

    void add(T value, String discoveredAt) throws SQLException {
        binder.bind(statement, value, discoveredAt);
        statement.addBatch();
        pending++;
        if (pending >= batchSize) {
            flush();
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            pending = 0;
            statement.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
