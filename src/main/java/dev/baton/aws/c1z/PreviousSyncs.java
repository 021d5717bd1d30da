package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How a sync starts from the file it will replace: the syncs already in it become the start of the new working
 * database, so the new sync is added beside them, and how the database is compacted once old syncs are gone.
 * A file that is not a baton c1z is refused rather than overwritten.
 */
final class PreviousSyncs {
    private static final String REFUSAL = "refusing to overwrite it: it is not a baton c1z file";

    private PreviousSyncs() {}

    /** True when {@code output} holds something to keep; a missing or empty file starts a new one (as the SDK). */
    static boolean present(Path output) throws C1zException {
        try {
            return Files.isRegularFile(output) && Files.size(output) > 0;
        } catch (IOException e) {
            throw C1zException.of(output, "cannot read the size of the existing file", e);
        }
    }

    /** Decompresses {@code output} into {@code database}, refusing anything that is not a c1z v1 file. */
    static void load(Path output, Path database) throws C1zException {
        try {
            C1zEnvelope.read(output, database);
        } catch (C1zException e) {
            throw new NotAC1zFileException(e.getMessage() + "; " + REFUSAL, e);
        }
    }

    /**
     * Checks that the loaded database has the baton tables, then brings it to this writer's schema the way
     * readers do on open.
     */
    static void prepare(Connection connection, Path output) throws C1zException, SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from sqlite_master where type = 'table'"
                        + " and name in ('v1_sync_runs', 'v1_resources', 'v1_grants')")) {
            if (!row.next() || row.getInt(1) != 3) {
                throw new NotAC1zFileException(
                        output + ": a SQLite database without the baton sync tables; " + REFUSAL, null);
            }
        } catch (SQLException e) {
            throw new NotAC1zFileException(
                    output + ": the decompressed database cannot be read (" + e.getMessage() + "); " + REFUSAL, e);
        }
        C1zSchema.migrate(connection);
    }

    /** Rewrites the closed database without the free pages deleted syncs left behind. */
    static void vacuum(Path database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
                Statement statement = connection.createStatement()) {
            statement.execute("pragma journal_mode = OFF");
            statement.execute("vacuum");
        }
    }
}
