package dev.baton.aws.c1z;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A c1z v1 file decompressed into a private temporary SQLite database and migrated like SDK readers do on open,
 * with every sync it holds. The original file is never modified; {@link #close()} deletes the copy.
 */
public final class C1zSnapshot implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(C1zSnapshot.class);
    // The copy is private and thrown away, so durability is irrelevant; DELETE also converts an SDK WAL file.
    private static final List<String> READ_PRAGMAS =
            List.of("locking_mode = EXCLUSIVE", "journal_mode = DELETE", "synchronous = OFF");
    /** A cached copy is shared by every reader: nothing may change it, and readers must not lock each other out. */
    private static final List<String> SHARED_READ_PRAGMAS = List.of("query_only = true");

    private final Path file;
    /** The private directory deleted on close; null for a cached copy, which stays. */
    private final Path workDir;

    private final SqliteDatabase db;

    private C1zSnapshot(Path file, Path workDir, SqliteDatabase db) {
        this.file = file;
        this.workDir = workDir;
        this.db = db;
    }

    /**
     * @throws C1zException naming the file when it is missing, empty, not a c1z, not valid zstd, or not a
     *     readable baton SQLite database
     */
    public static C1zSnapshot open(Path c1zFile, Path tempDir) throws C1zException {
        Objects.requireNonNull(c1zFile, "c1zFile is null");
        Path workDir = ScratchNames.createReadDirectory(c1zFile, tempDir);
        SqliteDatabase db = null;
        try {
            Path database = workDir.resolve("sync.db");
            C1zEnvelope.read(c1zFile, database);
            db = SqliteDatabase.open(database, c1zFile, READ_PRAGMAS);
            C1zSchema.migrate(db.connection());
            db.connection().commit();
            return new C1zSnapshot(c1zFile, workDir, db);
        } catch (SQLException e) {
            discard(db, workDir);
            throw C1zException.of(c1zFile, "not a readable baton c1z database", e);
        } catch (C1zException e) {
            discard(db, workDir);
            throw e;
        } catch (UncheckedC1zException e) {
            discard(db, workDir);
            throw e.getCause();
        }
    }

    /** Decompresses {@code c1zFile} into {@code database} and migrates it as SDK readers do, then closes it. */
    static void decompressAndMigrate(Path c1zFile, Path database) throws C1zException {
        C1zEnvelope.read(c1zFile, database);
        try (SqliteDatabase db = SqliteDatabase.open(database, c1zFile, READ_PRAGMAS)) {
            C1zSchema.migrate(db.connection());
            db.connection().commit();
        } catch (SQLException e) {
            throw C1zException.of(c1zFile, "not a readable baton c1z database", e);
        } catch (UncheckedC1zException e) {
            throw e.getCause();
        }
    }

    /** A read-only connection to a copy {@link #decompressAndMigrate} made; closing it leaves the copy. */
    static C1zSnapshot openCached(Path c1zFile, Path database) throws C1zException {
        try {
            SqliteDatabase db = SqliteDatabase.open(database, c1zFile, SHARED_READ_PRAGMAS);
            try (var statement = db.connection().createStatement()) {
                statement.executeQuery("select count(*) from v1_sync_runs").close();
            } catch (SQLException e) {
                db.close();
                throw e;
            }
            return new C1zSnapshot(c1zFile, null, db);
        } catch (SQLException e) {
            throw C1zException.of(c1zFile, "the cached copy " + database + " is not readable", e);
        }
    }

    /** The c1z file this is a copy of. */
    public Path file() {
        return file;
    }

    /** The copy's connection, for read-only queries (autocommit off; nothing is ever committed). */
    public Connection connection() {
        return db.connection();
    }

    SqliteDatabase database() {
        return db;
    }

    Path workDir() {
        return workDir;
    }

    @Override
    public void close() {
        discard(db, workDir);
    }

    static void discard(SqliteDatabase db, Path workDir) {
        if (db != null) {
            try {
                db.close();
            } catch (SQLException e) {
                log.debug("closing {} failed", db.label(), e);
            }
        }
        if (workDir != null) {
            WorkingDatabase.deleteTree(workDir);
        }
    }
}
