package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.sync.C1zSyncStore;
import dev.baton.aws.sync.expand.ExpansionProgress;
import dev.baton.aws.sync.expand.ExpansionResult;
import dev.baton.aws.sync.expand.GrantExpander;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writer against SQLite's own speed, in one run on the same rows (docs/benchmarks/2026-12-06-writer-floor.md):
 *
 * <ol>
 *   <li><b>floor</b>: {@code /usr/bin/sqlite3 db < script}, the script being the writer's pragmas and schema, one
 *       transaction of plain INSERTs with the exact column values (blobs as {@code X'..'}) and the deferred
 *       indexes built at the end, as {@link WorkingDatabase#commitAndClose()} does; generating it is not timed;
 *   <li><b>writer</b>: {@link C1zWriter} from create through the puts (pages of {@value #PAGE} rows) to the
 *       committed working database, i.e. until the compressor starts ({@link FinalWriteHook}); compression
 *       (zstd 3 with workers) and the check and rename after it are reported apart;
 *   <li><b>writer + expansion</b>: the same rows through {@link C1zSyncStore}, then {@link GrantExpander}, up to
 *       the committed working database.
 * </ol>
 *
 * Both the floor and the writer are also run with a rollback journal ({@code journal_mode=TRUNCATE}) committing
 * every {@value #COMMIT_ROWS} rows, the shape of resumable syncs: the writer then runs as {@link C1zWriter} would
 * (validate, encode, {@link WorkingDatabase} upserts) on a connection opened with those pragmas, and so does a
 * "raw" run with the writer's own pragmas, which shows that this harness costs what {@link C1zWriter} costs.
 *
 * <p>Scale: {@code -Dbench.writer.scale=1} is a mid-size organization (14,520 resources, 24,500 entitlements,
 * about 280,000 grants); the default 0.5 runs in about a minute on 2 cores. Results go to stdout and to
 * {@code <bench.out>/writer-floor.txt}. Run with {@code scripts/bench-writer.sh}. Nothing here is a timed
 * assertion: only row counts are checked.
 */
@Tag("bench")
class WriterFloorBenchmark {
    private static final double SCALE = Double.parseDouble(System.getProperty("bench.writer.scale", "0.5"));
    private static final Path OUT = Path.of(System.getProperty("bench.out", "target/bench"));
    private static final String SQLITE3 = System.getProperty("bench.sqlite3", "/usr/bin/sqlite3");
    private static final int PAGE = 500;
    private static final int COMMIT_ROWS = 50_000;
    private static final String DISCOVERED_AT = "2026-12-06 12:00:00.000000000";
    private static final List<String> OFF_PRAGMAS = List.of(
            "page_size = 65536",
            "journal_mode = OFF",
            "synchronous = OFF",
            "locking_mode = EXCLUSIVE",
            "cache_size = -32768");
    private static final List<String> TRUNCATE_PRAGMAS = List.of(
            "page_size = 65536",
            "journal_mode = TRUNCATE",
            "synchronous = OFF",
            "locking_mode = EXCLUSIVE",
            "cache_size = -32768");

    @TempDir
    Path dir;

    @Test
    void writerAgainstTheSqliteFloor() throws Exception {
        World world = World.generate(SCALE);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "rows: %d resource types, %d resources, %d entitlements, %d grants (%d expandable);"
                        + " mean blob bytes: resource %d, entitlement %d, grant %d; scale %s",
                world.types.size(),
                world.resourceCount(),
                world.entitlementCount(),
                world.grantCount(),
                world.expandableCount(),
                world.meanResourceBlob(),
                world.meanEntitlementBlob(),
                world.meanGrantBlob(),
                SCALE));
        lines.add("sqlite3 " + sqlite3Version() + "; sqlite-jdbc SQLite " + jdbcSqliteVersion());
        lines.add("load before: " + load());

        String syncId = "2bench0000000000000000000000";
        Path scripts = Files.createDirectories(dir.resolve("scripts"));
        SqlScripts sql = SqlScripts.write(scripts, world, syncId);

        // every timed run starts after a sync(1), so no run pays for the write-back of the one before
        double cold = raw(world, syncId, OFF_PRAGMAS, Integer.MAX_VALUE, "warm-up");
        settle();
        double floorOff = sql.run(dir.resolve("floor-off.db"), false);
        lines.add("load after floor: " + load());
        settle();
        WriterTimes writer = writer(world);
        lines.add("load after writer: " + load());
        settle();
        double floorTruncate = sql.run(dir.resolve("floor-truncate.db"), true);
        settle();
        double rawTruncate = raw(world, syncId, TRUNCATE_PRAGMAS, COMMIT_ROWS, "raw-truncate");
        lines.add("load after truncate runs: " + load());
        settle();
        double floorSelect = sql.copy(dir.resolve("floor-off.db"), dir.resolve("floor-select.db"));
        settle();
        double rawOff = raw(world, syncId, OFF_PRAGMAS, Integer.MAX_VALUE, "raw-off");
        settle();
        ExpansionTimes expansion = expansion(world);
        lines.add("load after expansion: " + load());

        long rows = world.resourceCount() + world.entitlementCount() + world.grantCount();
        assertEquals(world.grantCount(), countRows(dir.resolve("floor-off.db"), "v1_grants"));
        assertEquals(world.grantCount(), writer.grants);
        lines.add("");
        lines.add("| run | seconds | × floor |");
        lines.add("|---|---|---|");
        lines.add(row("floor: sqlite3 < script (journal OFF, one transaction)", floorOff, floorOff));
        lines.add(row("writer: C1zWriter create..commit, journal OFF", writer.committed, floorOff));
        lines.add(row("  of which puts", writer.puts, floorOff));
        lines.add(row(
                "  of which finish up to the compressor (indexes, commit)", writer.committed - writer.puts, floorOff));
        lines.add(row("writer raw harness, journal OFF", rawOff, floorOff));
        lines.add(row("  the same, first run in the JVM (cold JIT; not the comparison)", cold, floorOff));
        lines.add(row(
                "tighter floor: sqlite3 insert..select of the same rows from an attached copy, journal OFF",
                floorSelect,
                floorOff));
        lines.add(row("writer against the tighter floor", writer.committed, floorSelect));
        lines.add(row("floor, journal TRUNCATE, commit every " + COMMIT_ROWS + " rows", floorTruncate, floorTruncate));
        lines.add(row(
                "writer raw harness, journal TRUNCATE, commit every " + COMMIT_ROWS + " rows",
                rawTruncate,
                floorTruncate));
        lines.add(row("compression (zstd 3) of the writer's database", writer.compression, floorOff));
        lines.add(row("  check and rename after compression", writer.afterCompression, floorOff));
        lines.add(row("writer + expansion: C1zSyncStore puts, GrantExpander, commit", expansion.committed, floorOff));
        lines.add(row("  of which expansion", expansion.expansion, floorOff));
        lines.add("");
        lines.add(String.format(
                Locale.ROOT,
                "expansion: %d edges, %d grants created, %d updated; database %d MiB, c1z %d MiB",
                expansion.result.edges(),
                expansion.result.grantsCreated(),
                expansion.result.grantsUpdated(),
                writer.databaseBytes >> 20,
                writer.c1zBytes >> 20));
        lines.add(String.format(
                Locale.ROOT,
                "SUMMARY floor_s=%.2f writer_s=%.2f ratio=%.2f floor_select_s=%.2f floor_truncate_s=%.2f writer_truncate_s=%.2f"
                        + " ratio_truncate=%.2f writer_expansion_s=%.2f compression_s=%.2f rows=%d",
                floorOff,
                writer.committed,
                writer.committed / floorOff,
                floorSelect,
                floorTruncate,
                rawTruncate,
                rawTruncate / floorTruncate,
                expansion.committed,
                writer.compression,
                rows));
        String report = String.join("\n", lines) + "\n";
        System.out.print(report);
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("writer-floor.txt"), report);
        assertTrue(floorOff > 0);
    }

    private static String row(String name, double seconds, double floor) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f |", name, seconds, seconds / floor);
    }

    // ---------------------------------------------------------------- writer

    private record WriterTimes(
            double puts,
            double committed,
            double compression,
            double afterCompression,
            long grants,
            long databaseBytes,
            long c1zBytes) {}

    /** Marks when the compressor starts (the working database is committed) and when its stream is closed. */
    private static final class Clocked implements FinalWriteHook {
        long started;
        long compressed;

        @Override
        public OutputStream wrap(Path target, OutputStream out) {
            started = System.nanoTime();
            return new FilterOutputStream(out) {
                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    out.write(bytes, offset, length);
                }

                @Override
                public void close() throws IOException {
                    super.close();
                    compressed = System.nanoTime();
                }
            };
        }
    }

    private WriterTimes writer(World world) throws Exception {
        Path output = dir.resolve("writer.c1z");
        Clocked clock = new Clocked();
        Path work = Files.createDirectories(dir.resolve("writer-work"));
        long start = System.nanoTime();
        long puts;
        long grants;
        OutputSession session = OutputSession.open(output, work, clock);
        try (C1zWriter writer =
                C1zWriter.create(session, C1zWriterOptions.defaults().withTempDir(work))) {
            world.putInto(writer::putResourceTypes, writer::putResources, writer::putEntitlements, writer::putGrants);
            puts = System.nanoTime();
            grants = writer.counts().grants();
            writer.finish();
        }
        long done = System.nanoTime();
        long databaseBytes = decompressedSize(output);
        return new WriterTimes(
                seconds(puts - start),
                seconds(clock.started - start),
                seconds(clock.compressed - clock.started),
                seconds(done - clock.compressed),
                grants,
                databaseBytes,
                Files.size(output));
    }

    private long decompressedSize(Path c1z) throws Exception {
        Path db = dir.resolve("decompressed.db");
        C1zEnvelope.read(c1z, db);
        long size = Files.size(db);
        Files.delete(db);
        return size;
    }

    /**
     * What {@link C1zWriter} does per put, on a connection with {@code pragmas}, committing after every
     * {@code commitRows} rows (all tables together) and building the deferred indexes at the end.
     */
    private double raw(World world, String syncId, List<String> pragmas, int commitRows, String name) throws Exception {
        Path work = Files.createDirectories(dir.resolve(name));
        long start = System.nanoTime();
        SqliteDatabase db = SqliteDatabase.open(work.resolve("sync.db"), work.resolve(name + ".c1z"), pragmas);
        WorkingDatabase working = WorkingDatabase.create(db, work, new SyncRowFilter(syncId), 5000);
        working.syncRuns().start(syncId, DISCOVERED_AT);
        int[] sinceCommit = {0};
        SqlConsumer<Integer> rowsDone = rows -> {
            sinceCommit[0] += rows;
            if (sinceCommit[0] >= commitRows) {
                working.flush();
                db.connection().commit();
                sinceCommit[0] = 0;
            }
        };
        world.putInto(
                types -> run(() -> {
                    types.forEach(ResourceTypeTable::validate);
                    String now = now();
                    for (ResourceType type : types) {
                        working.resourceTypeUpserts().add(type, now);
                    }
                    rowsDone.accept(types.size());
                }),
                resources -> run(() -> {
                    resources.forEach(ResourceTable::validate);
                    String now = now();
                    for (Resource resource : resources) {
                        working.resourceUpserts().add(resource, now);
                    }
                    rowsDone.accept(resources.size());
                }),
                entitlements -> run(() -> {
                    entitlements.forEach(EntitlementTable::validate);
                    String now = now();
                    for (Entitlement entitlement : entitlements) {
                        working.entitlementUpserts().add(entitlement, now);
                    }
                    rowsDone.accept(entitlements.size());
                }),
                grants -> run(() -> {
                    List<GrantEncoding.Encoded> encoded =
                            grants.stream().map(GrantEncoding::encode).toList();
                    String now = now();
                    for (GrantEncoding.Encoded grant : encoded) {
                        working.grantUpserts().add(grant, now);
                    }
                    rowsDone.accept(grants.size());
                }));
        working.syncRuns().end(syncId, now());
        working.commitAndClose();
        double seconds = seconds(System.nanoTime() - start);
        assertEquals(world.grantCount(), countRows(work.resolve("sync.db"), "v1_grants"));
        WorkingDatabase.deleteTree(work);
        return seconds;
    }

    private static String now() {
        return SqliteTimestamp.format(LocalDateTime.now());
    }

    @FunctionalInterface
    private interface SqlConsumer<T> {
        void accept(T value) throws SQLException;
    }

    @FunctionalInterface
    private interface SqlRunnable {
        void run() throws SQLException;
    }

    private static void run(SqlRunnable action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- expansion

    private record ExpansionTimes(double expansion, double committed, ExpansionResult result) {}

    private ExpansionTimes expansion(World world) throws Exception {
        Path output = dir.resolve("expanded.c1z");
        Path work = Files.createDirectories(dir.resolve("expansion-work"));
        Clocked clock = new Clocked();
        List<String> warnings = new ArrayList<>();
        long start = System.nanoTime();
        long expansionStart;
        long expansionEnd;
        ExpansionResult result;
        OutputSession session = OutputSession.open(output, work, clock);
        try (C1zSyncStore store = new C1zSyncStore(
                C1zWriter.create(session, C1zWriterOptions.defaults().withTempDir(work)))) {
            world.putInto(store::putResourceTypes, store::putResources, store::putEntitlements, store::putGrants);
            expansionStart = System.nanoTime();
            result = new GrantExpander(store, warnings::add, 20, ExpansionProgress.none()).expand();
            expansionEnd = System.nanoTime();
            store.finish();
        }
        assertEquals(List.of(), warnings);
        assertTrue(result.grantsCreated() > 0, "the world must give expansion work");
        return new ExpansionTimes(seconds(expansionEnd - expansionStart), seconds(clock.started - start), result);
    }

    // ---------------------------------------------------------------- floor

    /**
     * The floor's SQL: every row statement goes into chunk files of {@value #COMMIT_ROWS} rows, read by two small
     * driver scripts, one transaction for journal OFF and one per chunk for TRUNCATE.
     */
    private record SqlScripts(Path dir, List<Path> chunks, List<String> schema, List<String> deferred, long bytes) {
        static SqlScripts write(Path dir, World world, String syncId) throws IOException {
            List<Path> chunks = new ArrayList<>();
            long[] bytes = {0};
            ChunkWriter writer = new ChunkWriter(dir, chunks, bytes);
            world.putInto(
                    types -> types.forEach(type -> writer.row(sql -> sql.text(
                                    "insert into v1_resource_types (external_id, data, sync_id, discovered_at) values (")
                            .string(type.getId())
                            .comma()
                            .blob(ProtoEncoding.serialize(type))
                            .comma()
                            .string(syncId)
                            .comma()
                            .string(DISCOVERED_AT)
                            .text(");\n"))),
                    resources -> resources.forEach(resource -> writer.row(sql -> {
                        ResourceId id = resource.getId();
                        sql.text("insert into v1_resources (resource_type_id, external_id, parent_resource_type_id,"
                                        + " parent_resource_id, data, sync_id, discovered_at) values (")
                                .string(id.getResourceType())
                                .comma()
                                .string(ResourceTable.externalId(id))
                                .comma();
                        if (resource.hasParentResourceId()) {
                            sql.string(resource.getParentResourceId().getResourceType())
                                    .comma()
                                    .string(resource.getParentResourceId().getResource());
                        } else {
                            sql.text("null, null");
                        }
                        sql.comma()
                                .blob(ProtoEncoding.serialize(resource))
                                .comma()
                                .string(syncId)
                                .comma()
                                .string(DISCOVERED_AT)
                                .text(");\n");
                    })),
                    entitlements -> entitlements.forEach(entitlement -> writer.row(sql -> sql.text(
                                    "insert into v1_entitlements (resource_type_id, resource_id, external_id, data,"
                                            + " sync_id, discovered_at) values (")
                            .string(entitlement.getResource().getId().getResourceType())
                            .comma()
                            .string(entitlement.getResource().getId().getResource())
                            .comma()
                            .string(entitlement.getId())
                            .comma()
                            .blob(ProtoEncoding.serialize(entitlement))
                            .comma()
                            .string(syncId)
                            .comma()
                            .string(DISCOVERED_AT)
                            .text(");\n"))),
                    grants -> grants.forEach(grant -> writer.row(sql -> {
                        GrantEncoding.Encoded encoded = GrantEncoding.encode(grant);
                        Grant stripped = encoded.grant();
                        ResourceId resource =
                                stripped.getEntitlement().getResource().getId();
                        ResourceId principal = stripped.getPrincipal().getId();
                        sql.text("insert into v1_grants (resource_type_id, resource_id, entitlement_id,"
                                        + " principal_resource_type_id, principal_resource_id, external_id, expansion,"
                                        + " needs_expansion, data, sync_id, discovered_at) values (")
                                .string(resource.getResourceType())
                                .comma()
                                .string(resource.getResource())
                                .comma()
                                .string(stripped.getEntitlement().getId())
                                .comma()
                                .string(principal.getResourceType())
                                .comma()
                                .string(principal.getResource())
                                .comma()
                                .string(stripped.getId())
                                .comma();
                        if (encoded.expansion() == null) {
                            sql.text("null");
                        } else {
                            sql.blob(encoded.expansion());
                        }
                        sql.comma()
                                .text(encoded.needsExpansion() ? "1" : "0")
                                .comma()
                                .blob(encoded.data())
                                .comma()
                                .string(syncId)
                                .comma()
                                .string(DISCOVERED_AT)
                                .text(");\n");
                    })));
            writer.close();
            List<String> schema = new ArrayList<>();
            List<String> deferred = new ArrayList<>();
            for (String ddl : C1zSchema.STATEMENTS) {
                if (C1zSchema.DEFERRED_INDEXES.stream().noneMatch(name -> ddl.contains(" " + name + " "))) {
                    schema.add(ddl);
                }
            }
            for (String name : C1zSchema.DEFERRED_INDEXES) {
                C1zSchema.STATEMENTS.stream()
                        .filter(ddl -> ddl.contains(" " + name + " "))
                        .forEach(deferred::add);
            }
            schema.add("insert into v1_sync_runs (sync_id, started_at, ended_at, sync_token, sync_type,"
                    + " parent_sync_id, linked_sync_id, supports_diff, grants_backfilled, stats,"
                    + " ingest_invariant_generation, ingest_invariant_coverage, ingest_invariant_mode) values ('"
                    + syncId + "', '" + DISCOVERED_AT + "', '" + DISCOVERED_AT + "', '', 'full', '', '', 1, 1, null,"
                    + " '', '', '')");
            return new SqlScripts(dir, chunks, schema, deferred, bytes[0]);
        }

        /**
         * The b-tree work without SQL text: the same pragmas, schema and deferred indexes, each table filled by one
         * {@code insert .. select} (in rowid order) from {@code source}, a finished floor database.
         */
        double copy(Path source, Path database) throws IOException, InterruptedException {
            StringBuilder driver = new StringBuilder(".bail on\n");
            for (String pragma : OFF_PRAGMAS) {
                driver.append("pragma ").append(pragma).append(";\n");
            }
            driver.append("attach '").append(source.toAbsolutePath()).append("' as src;\n");
            driver.append("begin;\n");
            schema.forEach(ddl -> driver.append(ddl).append(";\n"));
            for (String table : List.of("v1_resource_types", "v1_resources", "v1_entitlements", "v1_grants")) {
                driver.append("insert into main.")
                        .append(table)
                        .append(" select * from src.")
                        .append(table)
                        .append(" order by id;\n");
            }
            deferred.forEach(ddl -> driver.append(ddl).append(";\n"));
            driver.append("commit;\n");
            return time(database, driver.toString(), "floor-select");
        }

        /** Writes the driver script, then times {@code sqlite3 database < driver} only. */
        double run(Path database, boolean truncate) throws IOException, InterruptedException {
            StringBuilder driver = new StringBuilder(".bail on\n");
            for (String pragma : truncate ? TRUNCATE_PRAGMAS : OFF_PRAGMAS) {
                driver.append("pragma ").append(pragma).append(";\n");
            }
            driver.append("begin;\n");
            schema.forEach(ddl -> driver.append(ddl).append(";\n"));
            for (Path chunk : chunks) {
                driver.append(".read ").append(chunk.toAbsolutePath()).append('\n');
                if (truncate) {
                    driver.append("commit;\nbegin;\n");
                }
            }
            deferred.forEach(ddl -> driver.append(ddl).append(";\n"));
            driver.append("commit;\n");
            return time(database, driver.toString(), truncate ? "floor-truncate" : "floor-off");
        }

        private double time(Path database, String driver, String name) throws IOException, InterruptedException {
            Path script = dir.resolve(name + ".sql");
            Files.writeString(script, driver);
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                            SQLITE3, database.toAbsolutePath().toString())
                    .redirectInput(script.toFile())
                    .redirectOutput(log.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(30, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("sqlite3 did not finish");
            }
            double seconds = seconds(System.nanoTime() - start);
            String output = Files.readString(log).strip();
            if (process.exitValue() != 0 || output.toLowerCase(Locale.ROOT).contains("error")) {
                throw new IllegalStateException("sqlite3 failed (" + process.exitValue() + "): " + output);
            }
            return seconds;
        }
    }

    /** Appends SQL to the current chunk file, opening the next one every {@value #COMMIT_ROWS} rows. */
    private static final class ChunkWriter {
        private final Path dir;
        private final List<Path> chunks;
        private final long[] bytes;
        private final Sql sql = new Sql();
        private OutputStream out;
        private int rows;

        ChunkWriter(Path dir, List<Path> chunks, long[] bytes) {
            this.dir = dir;
            this.chunks = chunks;
            this.bytes = bytes;
        }

        void row(Consumer<Sql> statement) {
            try {
                if (out == null || rows == COMMIT_ROWS) {
                    close();
                    Path chunk = dir.resolve(String.format(Locale.ROOT, "rows-%04d.sql", chunks.size()));
                    chunks.add(chunk);
                    out = new BufferedOutputStream(Files.newOutputStream(chunk), 1 << 20);
                    rows = 0;
                }
                sql.length = 0;
                statement.accept(sql);
                out.write(sql.buffer, 0, sql.length);
                bytes[0] += sql.length;
                rows++;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void close() throws IOException {
            if (out != null) {
                out.close();
                out = null;
            }
        }
    }

    /** One SQL statement as bytes: text, quoted strings, {@code X'..'} blobs. */
    private static final class Sql {
        private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1 << 16];
        int length;

        Sql text(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            room(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
            return this;
        }

        Sql string(String value) {
            return text("'" + value.replace("'", "''") + "'");
        }

        Sql comma() {
            return text(", ");
        }

        Sql blob(byte[] bytes) {
            room(bytes.length * 2 + 3);
            buffer[length++] = 'X';
            buffer[length++] = '\'';
            for (byte b : bytes) {
                buffer[length++] = HEX[(b >> 4) & 0xf];
                buffer[length++] = HEX[b & 0xf];
            }
            buffer[length++] = '\'';
            return this;
        }

        private void room(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    // ---------------------------------------------------------------- rows

    /**
     * A mid-size organization at {@code scale} 1: 20 accounts, 10,000 users, 1,500 groups, roles and policies
     * each (14,520 resources); entitlements: group member, role assigned, policy attached and 1,000 permission
     * sets per account (24,500); grants: 40 members per group, 30 users per role, 40 per policy, 5 per account
     * permission set, plus expandable grants to groups (group-membership style: a policy attached to one group,
     * every third role assigned to one, every tenth permission set, every tenth group nested in another).
     * Objects are shared, so the rows cost little heap; the lists are in page-sized chunks.
     */
    private static final class World {
        static final int ACCOUNTS = 20;
        final List<ResourceType> types = new ArrayList<>();
        final List<List<Resource>> resources = new ArrayList<>();
        final List<List<Entitlement>> entitlements = new ArrayList<>();
        final List<List<Grant>> grants = new ArrayList<>();

        static World generate(double scale) {
            World world = new World();
            int users = (int) (10_000 * scale);
            int groups = (int) (1_500 * scale);
            int roles = (int) (1_500 * scale);
            int policies = (int) (1_500 * scale);
            int permissionSets = (int) (1_000 * scale);
            for (String type : List.of("account", "user", "group", "role", "iam_policy")) {
                world.types.add(ResourceType.newBuilder()
                        .setId(type)
                        .setDisplayName(type.toUpperCase(Locale.ROOT))
                        .setDescription("AWS " + type)
                        .build());
            }
            List<Resource> accountList = new ArrayList<>();
            for (int a = 0; a < ACCOUNTS; a++) {
                String accountId = String.format(Locale.ROOT, "1111222%05d", a);
                accountList.add(Resource.newBuilder()
                        .setId(id("account", accountId))
                        .setDisplayName("account-" + a)
                        .setDescription("member account " + a + " of the organization")
                        .addAnnotations(Any.pack(Struct.newBuilder()
                                .putFields(
                                        "arn",
                                        text("arn:aws:organizations::111122200000:account/o-abcdefghij/" + accountId))
                                .putFields("email", text("aws-account-" + a + "@example.com"))
                                .putFields("status", text("ACTIVE"))
                                .putFields("joined_method", text("CREATED"))
                                .putFields("joined_timestamp", text("2019-06-1" + (a % 9) + "T12:00:00Z"))
                                .putFields("organizational_unit", text("ou-abcd-" + (a % 5) + "workloads"))
                                .build()))
                        .build());
            }
            List<Resource> userList = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                userList.add(user(u, accountList.get(u % ACCOUNTS).getId().getResource()));
            }
            List<Resource> groupList = new ArrayList<>();
            List<Resource> roleList = new ArrayList<>();
            List<Resource> policyList = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                groupList.add(principalSet("group", "group/team-" + g, g));
            }
            for (int r = 0; r < roles; r++) {
                roleList.add(principalSet("role", "role/service-role-" + r, r));
            }
            for (int p = 0; p < policies; p++) {
                policyList.add(principalSet("iam_policy", "policy/managed-policy-" + p, p));
            }
            List<Resource> all = new ArrayList<>(accountList);
            all.addAll(userList);
            all.addAll(groupList);
            all.addAll(roleList);
            all.addAll(policyList);
            world.resources.addAll(pages(all));

            List<Entitlement> members =
                    groupList.stream().map(g -> entitlement(g, "member")).toList();
            List<Entitlement> assigned =
                    roleList.stream().map(r -> entitlement(r, "assigned")).toList();
            List<Entitlement> attached =
                    policyList.stream().map(p -> entitlement(p, "attached")).toList();
            List<Entitlement> accountSets = new ArrayList<>();
            for (Resource account : accountList) {
                for (int s = 0; s < permissionSets; s++) {
                    accountSets.add(entitlement(account, "permission-set-ps-" + s));
                }
            }
            List<Entitlement> allEntitlements = new ArrayList<>(members);
            allEntitlements.addAll(assigned);
            allEntitlements.addAll(attached);
            allEntitlements.addAll(accountSets);
            world.entitlements.addAll(pages(allEntitlements));

            List<Grant> grantList = new ArrayList<>();
            for (int g = 0; g < groups; g++) {
                for (int m = 0; m < 40; m++) {
                    grantList.add(grant(members.get(g), userList.get((g * 7919 + m * 104729) % users)));
                }
                if (g % 10 == 0 && groups > 1) {
                    Resource child = groupList.get((g + 1) % groups);
                    grantList.add(expandable(members.get(g), child, members.get((g + 1) % groups)));
                }
            }
            for (int r = 0; r < roles; r++) {
                for (int u = 0; u < 30; u++) {
                    grantList.add(grant(assigned.get(r), userList.get((r * 263 + u * 389) % users)));
                }
                if (r % 3 == 0) {
                    int g = (r * 17) % groups;
                    grantList.add(expandable(assigned.get(r), groupList.get(g), members.get(g)));
                }
            }
            for (int p = 0; p < policies; p++) {
                for (int u = 0; u < 40; u++) {
                    grantList.add(grant(attached.get(p), userList.get((p * 131 + u * 157) % users)));
                }
                int g = (p * 31) % groups;
                grantList.add(expandable(attached.get(p), groupList.get(g), members.get(g)));
            }
            for (int s = 0; s < accountSets.size(); s++) {
                for (int u = 0; u < 5; u++) {
                    grantList.add(grant(accountSets.get(s), userList.get((s * 53 + u * 997) % users)));
                }
                if (s % 10 == 0) {
                    int g = (s * 13) % groups;
                    grantList.add(expandable(accountSets.get(s), groupList.get(g), members.get(g)));
                }
            }
            world.grants.addAll(pages(grantList));
            return world;
        }

        void putInto(
                Consumer<List<ResourceType>> types,
                Consumer<List<Resource>> resourcePages,
                Consumer<List<Entitlement>> entitlementPages,
                Consumer<List<Grant>> grantPages) {
            types.accept(this.types);
            resources.forEach(resourcePages);
            entitlements.forEach(entitlementPages);
            grants.forEach(grantPages);
        }

        long resourceCount() {
            return resources.stream().mapToLong(List::size).sum();
        }

        long entitlementCount() {
            return entitlements.stream().mapToLong(List::size).sum();
        }

        long grantCount() {
            return grants.stream().mapToLong(List::size).sum();
        }

        long expandableCount() {
            return grants.stream()
                    .flatMap(List::stream)
                    .filter(g -> g.getAnnotationsCount() > 0)
                    .count();
        }

        long meanResourceBlob() {
            return resources.stream()
                            .flatMap(List::stream)
                            .mapToLong(r -> ProtoEncoding.serialize(r).length)
                            .sum()
                    / Math.max(1, resourceCount());
        }

        long meanEntitlementBlob() {
            return entitlements.stream()
                            .flatMap(List::stream)
                            .mapToLong(e -> ProtoEncoding.serialize(e).length)
                            .sum()
                    / Math.max(1, entitlementCount());
        }

        long meanGrantBlob() {
            return grants.stream()
                            .flatMap(List::stream)
                            .mapToLong(g -> GrantEncoding.encode(g).data().length)
                            .sum()
                    / Math.max(1, grantCount());
        }

        private static <T> List<List<T>> pages(List<T> rows) {
            List<List<T>> pages = new ArrayList<>();
            for (int from = 0; from < rows.size(); from += PAGE) {
                pages.add(List.copyOf(rows.subList(from, Math.min(rows.size(), from + PAGE))));
            }
            return pages;
        }

        private static ResourceId id(String type, String id) {
            return ResourceId.newBuilder().setResourceType(type).setResource(id).build();
        }

        private static Value text(String value) {
            return Value.newBuilder().setStringValue(value).build();
        }

        private static Resource user(int index, String account) {
            String name = String.format(Locale.ROOT, "user-%06d", index);
            String arn = "arn:aws:iam::" + account + ":user/engineering/" + name;
            Struct profile = Struct.newBuilder()
                    .putFields("arn", text(arn))
                    .putFields("user_id", text(String.format(Locale.ROOT, "AIDA%016X", index * 2654435761L)))
                    .putFields("path", text("/engineering/"))
                    .putFields("create_date", text("2021-04-0" + (index % 9 + 1) + "T10:15:30Z"))
                    .putFields("password_last_used", text("2026-11-2" + (index % 9) + "T08:00:00Z"))
                    .putFields("account_id", text(account))
                    .putFields("tags", text("team=platform,cost-center=" + (index % 97)))
                    .build();
            UserTrait trait = UserTrait.newBuilder()
                    .addEmails(UserTrait.Email.newBuilder()
                            .setAddress(name + "@example.com")
                            .setIsPrimary(true))
                    .setStatus(UserTrait.Status.newBuilder().setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
                    .setProfile(profile)
                    .setLogin(name)
                    .build();
            return Resource.newBuilder()
                    .setId(id("user", arn))
                    .setParentResourceId(id("account", account))
                    .setDisplayName(name)
                    .addAnnotations(Any.pack(trait))
                    .build();
        }

        private static Resource principalSet(String type, String path, int index) {
            String arn = "arn:aws:iam::111122200000:" + path;
            Struct profile = Struct.newBuilder()
                    .putFields("arn", text(arn))
                    .putFields("path", text("/"))
                    .putFields("id", text(String.format(Locale.ROOT, "AGPA%016X", index * 40503L)))
                    .putFields("create_date", text("2020-01-1" + (index % 9) + "T00:00:00Z"))
                    .build();
            Resource.Builder resource = Resource.newBuilder()
                    .setId(id(type, arn))
                    .setDisplayName(path.substring(path.indexOf('/') + 1))
                    .setDescription("managed by terraform, " + type + " " + index);
            if (type.equals("group")) {
                resource.addAnnotations(
                        Any.pack(GroupTrait.newBuilder().setProfile(profile).build()));
            } else if (type.equals("role")) {
                resource.addAnnotations(
                        Any.pack(RoleTrait.newBuilder().setProfile(profile).build()));
            }
            return resource.build();
        }

        private static Entitlement entitlement(Resource resource, String slug) {
            return Entitlement.newBuilder()
                    .setId(resource.getId().getResourceType() + ":"
                            + resource.getId().getResource() + ":" + slug)
                    .setResource(resource)
                    .setDisplayName(resource.getDisplayName() + " " + slug)
                    .setDescription(slug + " of " + resource.getDisplayName())
                    .setSlug(slug)
                    .setPurpose(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT)
                    .build();
        }

        /** The SDK's grant shape: {id, entitlement {id, resource}, principal {id}}. */
        private static Grant grant(Entitlement entitlement, Resource principal) {
            ResourceId principalId = principal.getId();
            return Grant.newBuilder()
                    .setId(entitlement.getId() + ":" + principalId.getResourceType() + ":" + principalId.getResource())
                    .setEntitlement(
                            Entitlement.newBuilder().setId(entitlement.getId()).setResource(entitlement.getResource()))
                    .setPrincipal(Resource.newBuilder().setId(principalId))
                    .build();
        }

        private static Grant expandable(Entitlement entitlement, Resource group, Entitlement groupMember) {
            return grant(entitlement, group).toBuilder()
                    .addAnnotations(Any.pack(GrantExpandable.newBuilder()
                            .addEntitlementIds(groupMember.getId())
                            .build()))
                    .build();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static long countRows(Path database, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select count(*) from " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String jdbcSqliteVersion() throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select sqlite_version()")) {
            row.next();
            return row.getString(1);
        }
    }

    private static String sqlite3Version() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(SQLITE3, "--version").start();
        String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        process.waitFor();
        return version.split(" ")[0];
    }

    /** Writes dirty pages back and lets the collector run, between timed runs. */
    private static void settle() throws IOException, InterruptedException {
        new ProcessBuilder("sync").inheritIO().start().waitFor();
        System.gc();
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
