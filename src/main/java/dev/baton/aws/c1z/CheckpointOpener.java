package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the working database of a resumable sync: the unfinished sync its checkpoint directory holds when that
 * sync was started with the same settings on the same output file, else a new one. A checkpoint with other settings
 * is refused ({@link ResumeRefusedException}); one whose output file has changed since (another run committed it)
 * or that cannot be read is discarded with a warning, because its copy of the file's earlier syncs is stale.
 */
final class CheckpointOpener {
    private static final Logger log = LoggerFactory.getLogger(CheckpointOpener.class);
    private static final String SYNC_ID = "sync_id";
    private static final String BASE = "base";
    private static final String SETTING = "setting:";

    /** The working database, ready for rows; {@code resumed} when it continues an earlier run's sync. */
    record Opened(WorkingDatabase working, ResumeTables tables, String syncId, boolean resumed) {}

    private CheckpointOpener() {}

    static Opened open(
            Path output, ResumeSpec spec, C1zWriterOptions options, SyncHistory history, List<String> pragmas)
            throws C1zException {
        Path dir = spec.directory();
        Path file = dir.resolve("sync.db");
        if (spec.fresh() && Files.exists(dir)) {
            WorkingDatabase.deleteTree(dir);
            log.info("{}: discarded the unfinished sync kept in {} (--fresh)", output, dir);
        } else if (Files.exists(file)) {
            Optional<Opened> continued = continueFrom(output, spec, options, pragmas);
            if (continued.isPresent()) {
                return continued.get();
            }
            WorkingDatabase.deleteTree(dir);
        }
        return start(output, spec, options, history, pragmas);
    }

    private static Optional<Opened> continueFrom(
            Path output, ResumeSpec spec, C1zWriterOptions options, List<String> pragmas) throws C1zException {
        Path dir = spec.directory();
        SqliteDatabase db = null;
        try {
            db = SqliteDatabase.open(dir.resolve("sync.db"), output, pragmas);
            if (!ResumeTables.present(db.connection())) {
                log.warn("{}: the unfinished sync in {} has no checkpoint; starting over", output, dir);
                close(db);
                return Optional.empty();
            }
            ResumeTables tables = ResumeTables.open(db.connection());
            Map<String, String> meta = tables.meta();
            if (!base(output).equals(meta.get(BASE))) {
                log.warn(
                        "{}: the file changed since the unfinished sync kept in {} started; starting over",
                        output,
                        dir);
                close(db);
                return Optional.empty();
            }
            List<String> differing = differing(spec.settings(), meta);
            if (!differing.isEmpty()) {
                close(db);
                throw new ResumeRefusedException(
                        output + ": an unfinished sync of this file, kept in " + dir + ", was started with other "
                                + String.join(", ", differing) + "; run with the same settings to continue it, or"
                                + " add --fresh to discard it",
                        differing);
            }
            String syncId = meta.get(SYNC_ID);
            WorkingDatabase working = WorkingDatabase.reopen(db, dir, new SyncRowFilter(syncId), options.batchSize());
            return Optional.of(new Opened(working, tables, syncId, true));
        } catch (SQLException | UncheckedC1zException e) {
            close(db);
            log.warn(
                    "{}: the unfinished sync kept in {} cannot be read ({}); starting over",
                    output,
                    dir,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private static Opened start(
            Path output, ResumeSpec spec, C1zWriterOptions options, SyncHistory history, List<String> pragmas)
            throws C1zException {
        Path dir = spec.directory();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw C1zException.of(output, "cannot create the directory of its unfinished sync " + dir, e);
        }
        WorkingDatabase working = WorkingDatabase.startSync(output, dir, options, history, pragmas);
        try {
            ResumeTables tables = ResumeTables.open(working.connection());
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(SYNC_ID, working.syncId());
            meta.put(BASE, base(output));
            spec.settings().forEach((name, value) -> meta.put(SETTING + name, value));
            tables.putMeta(meta);
            working.commit();
            return new Opened(working, tables, working.syncId(), false);
        } catch (SQLException | UncheckedC1zException e) {
            working.discard();
            throw e instanceof UncheckedC1zException unchecked
                    ? unchecked.getCause()
                    : C1zException.of(output, "cannot create the working SQLite database in " + dir, e);
        }
    }

    /** The settings whose value differs, by name; a setting one side lacks differs too. */
    private static List<String> differing(Map<String, String> settings, Map<String, String> meta) {
        List<String> names = new ArrayList<>();
        settings.forEach((name, value) -> {
            if (!value.equals(meta.get(SETTING + name))) {
                names.add(name);
            }
        });
        meta.keySet().stream()
                .filter(key -> key.startsWith(SETTING))
                .map(key -> key.substring(SETTING.length()))
                .filter(name -> !settings.containsKey(name))
                .forEach(names::add);
        return names;
    }

    /** What the output file is now, so a checkpoint built on another version of it is not continued. */
    private static String base(Path output) {
        try {
            if (!Files.exists(output)) {
                return "absent";
            }
            return Files.size(output) + ":" + Files.getLastModifiedTime(output).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }

    private static void close(SqliteDatabase db) {
        if (db == null) {
            return;
        }
        try {
            db.close();
        } catch (SQLException e) {
            log.debug("closing the working database failed", e);
        }
    }
}
