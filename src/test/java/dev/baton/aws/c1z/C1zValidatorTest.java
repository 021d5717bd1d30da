package dev.baton.aws.c1z;

import static dev.baton.aws.c1z.C1zFixtures.TYPES;
import static dev.baton.aws.c1z.C1zFixtures.grant;
import static dev.baton.aws.c1z.C1zFixtures.group;
import static dev.baton.aws.c1z.C1zFixtures.member;
import static dev.baton.aws.c1z.C1zFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import com.google.protobuf.Any;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.testing.C1zCheckTool;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each check against a file corrupted in exactly the way it looks for, built here from a valid written file; and
 * the files that must pass (our own output, the SDK-written reference except for its unfinished sync).
 */
class C1zValidatorTest {
    private static final String ALICE_GRANT = "group:eng:member:user:alice";

    @TempDir
    Path dir;

    private Path valid;

    @BeforeEach
    void writeValidFile() throws Exception {
        valid = C1zFixtures.writeSample(dir.resolve("valid.c1z"), dir);
    }

    @Test
    void aWrittenFileIsValid() throws Exception {
        ValidationReport report = C1zValidator.validate(valid, dir);
        assertTrue(report.valid(), String.join("\n", report.lines()));
        assertEquals("resource_types 3, resources 4, entitlements 2, grants 3", report.summary());
        assertEquals(
                valid + ": ok (resource_types 3, resources 4, entitlements 2, grants 3)",
                report.lines().get(report.lines().size() - 1));
        assertEquals(1, report.syncs().size());
    }

    @Test
    void theSdkReferenceBreaksOnlyTheFinishedSyncRule() throws Exception {
        ValidationReport report = C1zValidator.validate(ReferenceFiles.upstreamSample(), dir);
        assertEquals(
                List.of(new Violation("sync", "no finished 'full' sync (ended_at set, sync_type 'full')")),
                report.violations(),
                String.join("\n", report.lines()));
        assertEquals("resource_types 5, resources 79, entitlements 0, grants 0", report.summary());
    }

    @Test
    void ourDdlIsTheSchemaOfTheSdkReferencePlusTheNewerOptionalColumnsAndIndex() throws Exception {
        Path database = dir.resolve("reference.db");
        C1zEnvelope.read(ReferenceFiles.upstreamSample(), database);
        SchemaSnapshot reference;
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            reference = SchemaSnapshot.of(connection);
        }
        SchemaSnapshot ours = SchemaCheck.expected();
        assertEquals(reference.tables().keySet(), ours.tables().keySet());
        Set<String> onlyOurs = new HashSet<>();
        ours.tables()
                .forEach((table, columns) -> columns.stream()
                        .filter(column -> !reference.tables().get(table).contains(column))
                        .forEach(column -> onlyOurs.add(table + "." + column.name())));
        assertEquals(SchemaCheck.OPTIONAL_COLUMNS, onlyOurs);
        reference
                .tables()
                .forEach((table, columns) -> assertTrue(ours.tables().get(table).containsAll(columns), table));
        Set<String> extraIndexes = new HashSet<>(ours.indexes().keySet());
        extraIndexes.removeAll(reference.indexes().keySet());
        assertEquals(SchemaCheck.OPTIONAL_INDEXES, extraIndexes);
        reference
                .indexes()
                .forEach((name, index) -> assertEquals(index, ours.indexes().get(name), name));
    }

    @Test
    void envelope() throws Exception {
        Path text = Files.writeString(dir.resolve("text.c1z"), "hello");
        assertTrue(unreadable(text).contains("not a c1z file"));
        Path wideWindow = Files.write(dir.resolve("wide.c1z"), new byte[] {
            'C', '1', 'Z', 'F', 0, 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, (byte) 0xF8, 0, 0, 0, 0, 0, 0, 0, 0, 0
        });
        assertTrue(unreadable(wideWindow).contains("> 128 MiB"), unreadable(wideWindow));
        Path notSqlite = dir.resolve("plain.c1z");
        Path plain = Files.writeString(dir.resolve("plain.txt"), "not a database, just text ".repeat(10));
        encode(plain, notSqlite);
        assertTrue(unreadable(notSqlite).contains("not a SQLite database"), unreadable(notSqlite));
        Path truncated =
                Files.write(dir.resolve("truncated.c1z"), java.util.Arrays.copyOf(Files.readAllBytes(valid), 40));
        assertTrue(unreadable(truncated).contains(truncated.toString()));
        assertTrue(unreadable(dir.resolve("missing.c1z")).contains("does not exist"));
    }

    @Test
    void schema() throws Exception {
        assertViolation(
                corrupt("alter table v1_resources add column extra text"),
                "FAIL [schema] v1_resources: extra column extra that SDK readers do not know");
        assertViolation(
                corrupt("drop index idx_grants_principal_id_v1"),
                "FAIL [schema] missing index idx_grants_principal_id_v1 on v1_grants"
                        + " [principal_resource_type_id, principal_resource_id]");
        assertViolation(
                corrupt(
                        "drop table v1_assets",
                        "create table v1_assets (id integer primary key,"
                                + " external_id text not null, content_type blob not null, data blob not null,"
                                + " sync_id text not null, discovered_at datetime not null)",
                        "create unique index idx_assets_external_sync_v1 on v1_assets (external_id, sync_id)"),
                "FAIL [schema] v1_assets.content_type: (type blob");
        assertViolation(
                corrupt("drop table v1_connector_sessions"), "FAIL [schema] missing table v1_connector_sessions");
        assertViolation(corrupt("drop table v1_grants"), "FAIL [schema] core tables missing");
    }

    @Test
    void syncRuns() throws Exception {
        assertViolation(
                corrupt("update v1_sync_runs set ended_at = null"),
                "FAIL [sync] no finished 'full' sync (ended_at set, sync_type 'full')");
        assertViolation(
                corrupt("insert into v1_sync_runs (sync_id, started_at, sync_token)"
                        + " values ('not-a-ksuid', '2026-03-03 09:45:13', '')"),
                "FAIL [sync] sync_id 'not-a-ksuid' is not a 27-character base62 KSUID stored as TEXT");
        assertViolation(
                corrupt("update v1_sync_runs set sync_type = 'weekly'"),
                "FAIL [sync] sync " + syncId() + ": unknown sync_type 'weekly'");
        assertViolation(
                corrupt("update v1_sync_runs set supports_diff = 0"),
                "FAIL [sync] sync " + syncId() + ": supports_diff = 0");
        String other = Ksuid.create(Instant.now(), new Random(1)).toString();
        assertViolation(
                corrupt("update v1_grants set sync_id = '" + other + "' where external_id = '" + ALICE_GRANT + "'"),
                "FAIL [sync] v1_grants: rows with sync_id '" + other + "' that has no v1_sync_runs row");
    }

    @Test
    void severalFinishedSyncsAreValidAndAnUnfinishedOneBesideThem() throws Exception {
        String second = Ksuid.create(Instant.now(), new Random(2)).toString();
        String third = Ksuid.create(Instant.now(), new Random(3)).toString();
        List<String> copyAsSync = copySyncStatements(second, "'2026-03-04 10:00:00'");
        copyAsSync.addAll(copySyncStatements(third, "null"));
        ValidationReport report = C1zValidator.validate(corrupt(copyAsSync.toArray(String[]::new)), dir);
        assertTrue(report.valid(), String.join("\n", report.lines()));
        assertEquals(3, report.syncs().size());
        assertTrue(report.syncs().get(2).contains("unfinished"), report.syncs().toString());
        assertEquals("resource_types 9, resources 12, entitlements 6, grants 9", report.summary());
    }

    @Test
    void storageClasses() throws Exception {
        assertViolation(
                corrupt("update v1_resources set data = cast(data as text) where external_id = 'group:eng'"),
                "FAIL [storage] v1_resources.data: 1 rows not stored as BLOB");
        assertViolation(
                corrupt("update v1_grants set entitlement_id = cast(entitlement_id as blob)"),
                "FAIL [storage] v1_grants.entitlement_id: 3 rows not stored as TEXT");
        assertViolation(
                corrupt("update v1_sync_runs set started_at = 1772531113"),
                "FAIL [storage] sync " + syncId() + ": started_at = '1772531113' (integer)");
        assertViolation(
                corrupt("update v1_entitlements set discovered_at = 'yesterday'"),
                "FAIL [storage] v1_entitlements.discovered_at: 2 values are not Go-parseable timestamps");
    }

    @Test
    void protobuf() throws Exception {
        assertViolation(
                corrupt("update v1_grants set data = x'ff' where external_id = '" + ALICE_GRANT + "'"),
                "FAIL [protobuf] grant " + ALICE_GRANT + ": ");
        assertViolation(
                corrupt("update v1_grants set principal_resource_id = 'bob' where external_id = '" + ALICE_GRANT + "'"),
                "FAIL [protobuf] grant " + ALICE_GRANT + ": blob (entitlement group:eng:member,"
                        + " resource group:eng, principal user:alice, id " + ALICE_GRANT
                        + ") disagrees with its columns");
        assertViolation(
                corrupt("update v1_resource_types set external_id = 'people' where external_id = 'user'"),
                "FAIL [protobuf] resource type people: id in blob is 'user'");
        assertViolation(
                corrupt("update v1_resources set parent_resource_type_id = null, parent_resource_id = null"
                        + " where external_id = 'user:alice'"),
                "FAIL [protobuf] resource user:alice: parent in blob" + " account:111122223333, columns null:null");
        Entitlement bare = member(group("eng")).toBuilder().clearResource().build();
        assertViolation(
                corruptBlob("v1_entitlements", "group:eng:member", bare.toByteArray()),
                "FAIL [protobuf] entitlement group:eng:member: no embedded resource");
        byte[] withExpandable = grant(member(group("eng")), user("alice", "111122223333")).toBuilder()
                .addAnnotations(Any.pack(
                        GrantExpandable.newBuilder().addEntitlementIds("x").build()))
                .build()
                .toByteArray();
        assertViolation(
                corruptBlob("v1_grants", ALICE_GRANT, withExpandable),
                "FAIL [protobuf] grant " + ALICE_GRANT
                        + ": GrantExpandable inside data; it belongs in the expansion column");
        assertViolation(
                corrupt("update v1_grants set needs_expansion = 0 where expansion is not null"),
                "FAIL [protobuf] grant group:eng:member:group:ops: expansion set but needs_expansion = 0");
    }

    @Test
    void integrity() throws Exception {
        assertViolation(
                corrupt("delete from v1_resources where external_id = 'user:alice'"),
                "FAIL [integrity] grant " + ALICE_GRANT + ": principal user:alice not in this sync");
        assertViolation(
                corrupt("delete from v1_entitlements where external_id = 'group:eng:member'"),
                "FAIL [integrity] grant " + ALICE_GRANT + ": entitlement group:eng:member not in this sync");
        assertViolation(
                corrupt("delete from v1_resources where external_id = 'account:111122223333'"),
                "FAIL [integrity] resource user:alice: parent account:111122223333 not in this sync");
        assertViolation(
                corrupt("delete from v1_resources where external_id = 'group:ops'"),
                "FAIL [integrity] entitlement group:ops:member: resource group:ops not in this sync");
        assertViolation(
                corrupt("delete from v1_resource_types where external_id = 'group'"),
                "FAIL [integrity] resource group:eng: resource type group not in v1_resource_types");
    }

    @Test
    void traits() throws Exception {
        Resource noTrait =
                user("alice", "111122223333").toBuilder().clearAnnotations().build();
        assertViolation(
                corruptBlob("v1_resources", "user:alice", noTrait.toByteArray()),
                "FAIL [traits] resource user:alice: type user has trait UserTrait but the resource lacks it");
        Resource alice = user("alice", "111122223333");
        dev.baton.aws.proto.c1.connector.v2.UserTrait trait =
                alice.getAnnotations(0).unpack(dev.baton.aws.proto.c1.connector.v2.UserTrait.class).toBuilder()
                        .clearProfile()
                        .build();
        Resource noProfile =
                alice.toBuilder().setAnnotations(0, Any.pack(trait)).build();
        assertViolation(
                corruptBlob("v1_resources", "user:alice", noProfile.toByteArray()),
                "FAIL [traits] resource user:alice: UserTrait without profile");
    }

    @Test
    void annotations() throws Exception {
        ResourceType odd = TYPES.get(0).toBuilder()
                .addAnnotations(Any.newBuilder().setTypeUrl("type.googleapis.com/c1.connector.v2.Bogus"))
                .build();
        assertViolation(
                corruptBlob("v1_resource_types", "account", odd.toByteArray()),
                "FAIL [annotations] resource type account: annotation type type.googleapis.com/c1.connector.v2.Bogus"
                        + " is unknown to baton readers");
    }

    @Test
    void atMostTwentyLinesPerCheckButEveryViolationCounted() throws Exception {
        String[] statements = new String[25];
        for (int i = 0; i < statements.length; i++) {
            statements[i] = "insert into v1_sync_runs (sync_id, started_at, sync_token) values ('bad-" + i
                    + "', '2026-03-03', '')";
        }
        ValidationReport report = C1zValidator.validate(corrupt(statements), dir);
        assertEquals(25, report.violationCount());
        assertEquals(20, report.violations().size());
        assertTrue(
                report.lines().contains("FAIL [sync] ... 5 more violations of this check not shown"),
                report.lines().toString());
        assertTrue(
                report.lines()
                        .get(report.lines().size() - 1)
                        .endsWith(": 25 violations (resource_types 3," + " resources 4, entitlements 2, grants 3)"),
                report.lines().toString());
    }

    /** With {@code -Dc1z.check} naming the python checker, both give the same verdict on the same files. */
    @Test
    void verdictsAgreeWithThePythonCheckerWhenItIsConfigured() throws Exception {
        List<Path> files = List.of(
                valid,
                corrupt("delete from v1_resources where external_id = 'user:alice'"),
                corrupt("update v1_sync_runs set ended_at = null"),
                corrupt("update v1_resources set data = cast(data as text)"),
                corrupt("alter table v1_resources add column extra text"),
                Files.writeString(dir.resolve("text.c1z"), "hello"));
        for (Path file : files) {
            Optional<C1zCheckTool.Outcome> python = C1zCheckTool.runIfConfigured(file, 60);
            if (python.isEmpty()) {
                return;
            }
            int ours;
            try {
                ours = C1zValidator.validate(file, dir).valid() ? 0 : 1;
            } catch (C1zException e) {
                ours = 2;
            }
            assertEquals(
                    python.get().exitCode(), ours, file + ": " + python.get().output());
        }
    }

    private String unreadable(Path file) {
        return assertThrows(C1zException.class, () -> C1zValidator.validate(file, dir))
                .getMessage();
    }

    private void assertViolation(Path file, String expectedLinePrefix) throws Exception {
        ValidationReport report = C1zValidator.validate(file, dir);
        assertFalse(report.valid(), file.toString());
        assertTrue(
                report.lines().stream().anyMatch(line -> line.startsWith(expectedLinePrefix)),
                "expected a line starting with\n" + expectedLinePrefix + "\nin\n" + String.join("\n", report.lines()));
    }

    private String syncId() throws Exception {
        try (C1zReader reader = C1zReader.open(valid, dir)) {
            return reader.currentSync().orElseThrow().syncId();
        }
    }

    /** Copies every row of the file's sync as sync {@code syncId}, ended at {@code endedAt} (SQL). */
    private static List<String> copySyncStatements(String syncId, String endedAt) {
        List<String> statements = new java.util.ArrayList<>();
        statements.add("insert into v1_sync_runs (sync_id, started_at, ended_at, sync_token, supports_diff,"
                + " grants_backfilled) values ('" + syncId + "', '2026-03-04 09:00:00', " + endedAt + ", '', 1, 1)");
        for (String table : List.of("v1_resource_types", "v1_resources", "v1_entitlements", "v1_grants")) {
            statements.add("create temp table copy as select * from " + table + " where sync_id in (select sync_id"
                    + " from v1_sync_runs order by id limit 1)");
            statements.add("update copy set id = null, sync_id = '" + syncId + "'");
            statements.add("insert into " + table + " select * from copy");
            statements.add("drop table copy");
        }
        return statements;
    }

    private Path corruptBlob(String table, String externalId, byte[] data) throws Exception {
        return corrupt(connection -> {
            try (PreparedStatement statement =
                    connection.prepareStatement("update " + table + " set data = ? where external_id = ?")) {
                statement.setBytes(1, data);
                statement.setString(2, externalId);
                assertEquals(1, statement.executeUpdate());
            }
        });
    }

    private Path corrupt(String... statements) throws Exception {
        return corrupt(connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Edit {
        void apply(Connection connection) throws SQLException;
    }

    private int corrupted;

    /** Decodes the valid file, applies {@code edit} to its database and encodes the result as a new c1z. */
    private Path corrupt(Edit edit) throws Exception {
        Path database = dir.resolve("edit-" + corrupted + ".db");
        Path out = dir.resolve("corrupt-" + corrupted++ + ".c1z");
        C1zEnvelope.read(valid, database);
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            edit.apply(connection);
        }
        encode(database, out);
        return out;
    }

    private static void encode(Path database, Path out) throws Exception {
        try (OutputStream file = Files.newOutputStream(out)) {
            file.write(C1zEnvelope.MAGIC);
            try (ZstdOutputStream zstd = new ZstdOutputStream(file, 3)) {
                Files.copy(database, zstd);
            }
        }
    }
}
