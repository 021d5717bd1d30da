package dev.baton.aws.c1z;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a c1z v1 file against everything baton readers rely on: the envelope (magic, one zstd frame whose window
 * the SDK decoder accepts, a SQLite body), the schema (equal to the SDK's), the sync runs, storage classes,
 * protobuf blobs, references within each sync, traits and annotation types. A file that cannot be decoded at all
 * is a {@link C1zException}; everything else is a {@link Violation} in the report. The file is never modified:
 * it is decoded into a private directory that is deleted afterwards.
 */
public final class C1zValidator {
    public static final String ENVELOPE = "envelope";

    private C1zValidator() {}

    public static ValidationReport validate(Path file, Path tempDir) throws C1zException {
        Objects.requireNonNull(file, "file is null");
        Path workDir = ScratchNames.createReadDirectory(file, tempDir);
        try {
            Path database = workDir.resolve("check.db");
            decode(file, database);
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath())) {
                try (Statement statement = connection.createStatement()) {
                    statement.executeQuery("select count(*) from sqlite_master").close();
                } catch (SQLException e) {
                    throw C1zException.of(file, "the decompressed body is not a readable SQLite database", e);
                }
                return check(file, connection);
            } catch (SQLException e) {
                throw C1zException.of(file, "cannot read the database", e);
            }
        } finally {
            WorkingDatabase.deleteTree(workDir);
        }
    }

    /** Magic, zstd window and a SQLite body; decoded into {@code database}. */
    static void decode(Path file, Path database) throws C1zException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(C1zEnvelope.MAGIC.length + 18);
        } catch (NoSuchFileException e) {
            throw C1zException.of(file, "file does not exist");
        } catch (IOException e) {
            throw C1zException.of(file, "cannot read the file", e);
        }
        if (head.length >= C1zEnvelope.MAGIC.length) {
            byte[] frame = Arrays.copyOfRange(head, C1zEnvelope.MAGIC.length, head.length);
            String problem =
                    Arrays.equals(Arrays.copyOf(head, 5), C1zEnvelope.MAGIC) ? ZstdFrameHeader.problem(frame) : null;
            if (problem != null) {
                throw C1zException.of(file, problem);
            }
        }
        C1zEnvelope.read(file, database);
    }

    private static ValidationReport check(Path file, Connection connection) throws SQLException {
        Violations violations = new Violations();
        Notes notes = new Notes();
        List<String> syncLines = new ArrayList<>();
        ContentTotals totals = new ContentTotals();
        if (SchemaCheck.run(SchemaSnapshot.of(connection), SchemaCheck.expected(), violations)) {
            List<SyncRunCheck.Run> runs = SyncRunCheck.run(connection, violations);
            Set<String> syncIds = new LinkedHashSet<>();
            runs.forEach(run -> syncIds.add(run.syncId()));
            StorageCheck.run(connection, syncIds, violations);
            for (SyncRunCheck.Run run : runs) {
                ContentTotals sync = SyncContentCheck.run(connection, run.syncId(), violations, notes);
                totals.add(sync);
                syncLines.add("sync " + run.syncId() + " (" + run.type() + ", "
                        + (run.finished() ? "finished" : "unfinished") + "): " + sync);
            }
        } else {
            violations.add(SchemaCheck.NAME, "core tables missing; the remaining checks did not run");
        }
        Map<String, Integer> counts = new TreeMap<>(violations.counts());
        return new ValidationReport(file, violations.shown(), counts, notes.all(), totals.toString(), syncLines);
    }
}
