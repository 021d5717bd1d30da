package dev.baton.aws.c1z;

import static dev.baton.aws.c1z.C1zFixtures.TYPES;
import static dev.baton.aws.c1z.C1zFixtures.account;
import static dev.baton.aws.c1z.C1zFixtures.grant;
import static dev.baton.aws.c1z.C1zFixtures.group;
import static dev.baton.aws.c1z.C1zFixtures.member;
import static dev.baton.aws.c1z.C1zFixtures.options;
import static dev.baton.aws.c1z.C1zFixtures.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncRunRow;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.testing.C1zAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync into an existing file adds a sync run, keeps the newest N full syncs and refuses files it cannot read. */
class SyncHistoryTest {
    @TempDir
    Path dir;

    @Test
    void eachSyncIsAddedAndOnlyTheNewestTwoAreKept() throws Exception {
        Path out = dir.resolve("sync.c1z");
        String first = sync(out, 1, SyncHistory.keep(2), user("alice", "1"));
        String second = sync(out, 2, SyncHistory.keep(2), user("bob", "1"));
        try (SyncFile file = SyncFile.open(out, dir)) {
            assertEquals(List.of(first, second), ids(file.syncRuns()));
            assertEquals(second, file.finishedFullSyncs().get(0).syncId());
        }
        String third = sync(out, 3, SyncHistory.keep(2), user("carol", "1"));
        try (SyncFile file = SyncFile.open(out, dir)) {
            assertEquals(List.of(second, third), ids(file.syncRuns()));
            assertEquals(0, rows(file, "v1_resources", first), "the dropped sync's rows are deleted");
            assertEquals(0, rows(file, "v1_resource_types", first));
            assertEquals(3, rows(file, "v1_resources", third)); // the account, carol and her group
        }
        try (C1zReader reader = C1zReader.open(out, dir)) {
            assertEquals(third, reader.currentSync().orElseThrow().syncId(), "readers see the newest sync");
            assertTrue(reader.resource(C1zFixtures.id("user", "carol")).isPresent());
            assertFalse(reader.resource(C1zFixtures.id("user", "bob")).isPresent());
        }
    }

    @Test
    void keepingOneSyncOrReplacingLeavesOnlyTheNewOne() throws Exception {
        Path out = dir.resolve("sync.c1z");
        sync(out, 1, SyncHistory.keep(2), user("alice", "1"));
        String kept = sync(out, 2, SyncHistory.keep(1), user("bob", "1"));
        try (SyncFile file = SyncFile.open(out, dir)) {
            assertEquals(List.of(kept), ids(file.syncRuns()));
        }
        String replaced = sync(out, 3, SyncHistory.replaceExisting(), user("carol", "1"));
        try (SyncFile file = SyncFile.open(out, dir)) {
            assertEquals(List.of(replaced), ids(file.syncRuns()));
        }
    }

    @Test
    void aFileThatIsNotAC1zIsRefusedAndLeftAsItIs() throws Exception {
        Path out = dir.resolve("notes.c1z");
        Files.writeString(out, "my notes");
        NotAC1zFileException refused = assertThrows(
                NotAC1zFileException.class, () -> C1zWriter.create(out, options(dir), SyncHistory.keep(2)));
        assertTrue(
                refused.getMessage().startsWith(out.toString())
                        && refused.getMessage().contains("refusing"),
                refused.getMessage());
        assertEquals("my notes", Files.readString(out));
        try (Stream<Path> leftovers = Files.list(dir)) {
            assertEquals(List.of(out), leftovers.toList(), "no working directory is left behind");
        }
    }

    @Test
    void anEmptyFileStartsANewOne() throws Exception {
        Path out = dir.resolve("sync.c1z");
        Files.createFile(out);
        String only = sync(out, 1, SyncHistory.keep(2), user("alice", "1"));
        try (SyncFile file = SyncFile.open(out, dir)) {
            assertEquals(List.of(only), ids(file.syncRuns()));
        }
    }

    @Test
    void anUnfinishedSyncLeavesThePreviousFileIntact() throws Exception {
        Path out = dir.resolve("sync.c1z");
        sync(out, 1, SyncHistory.keep(2), user("alice", "1"));
        byte[] before = Files.readAllBytes(out);
        try (C1zWriter writer = C1zWriter.create(out, options(dir).withClock(at(2)), SyncHistory.keep(1))) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account("1")));
        } // closed without finish()
        assertArrayEquals(before, Files.readAllBytes(out));
    }

    @Test
    void retentionKeepsUnfinishedAndDiffSyncsAndDropsPartialsOfDroppedSyncs() {
        List<SyncRetention.Run> runs = List.of(
                new SyncRetention.Run("full-1", "full", "2026-01-01 00:00:00", "2026-01-01 00:10:00"),
                new SyncRetention.Run("partial-1", "partial", "2026-01-01 00:20:00", "2026-01-01 00:30:00"),
                new SyncRetention.Run("full-2", "full", "2026-01-02 00:00:00", "2026-01-02 00:10:00"),
                new SyncRetention.Run("partial-2", "partial", "2026-01-02 00:20:00", "2026-01-02 00:30:00"),
                new SyncRetention.Run("stuck", "full", "2026-01-02 01:00:00", null),
                new SyncRetention.Run("diff", "partial_upserts", "2026-01-02 02:00:00", "2026-01-02 02:10:00"),
                new SyncRetention.Run("full-3", "full", "2026-01-03 00:00:00", "2026-01-03 00:10:00"),
                new SyncRetention.Run("new", "full", "2026-01-04 00:00:00", null));
        assertEquals(List.of("full-1", "full-2", "partial-1"), SyncRetention.select(runs, "new", 2));
        assertEquals(List.of("full-1"), SyncRetention.select(runs, "new", 3));
        assertEquals(List.of(), SyncRetention.select(runs, "new", 4));
    }

    /**
     * Writes one sync {@code minute} minutes after a fixed start, with {@code person} in a group, and checks the
     * whole file (every sync run it now holds) with the validator.
     */
    private String sync(Path out, int minute, SyncHistory history, Resource person) throws Exception {
        Resource team = group("team");
        String syncId;
        try (C1zWriter writer = C1zWriter.create(out, options(dir).withClock(at(minute)), history)) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account("1"), person, team));
            writer.putEntitlements(List.of(member(team)));
            writer.putGrants(List.of(grant(member(team), person)));
            syncId = writer.syncId();
            writer.finish();
        }
        C1zAssertions.assertValidC1z(out);
        return syncId;
    }

    private static Clock at(int minute) {
        return Clock.fixed(Instant.parse("2026-03-03T10:00:00Z").plusSeconds(60L * minute), ZoneOffset.UTC);
    }

    private static List<String> ids(List<SyncRunRow> runs) {
        return runs.stream().map(SyncRunRow::syncId).toList();
    }

    private static long rows(SyncFile file, String table, String syncId) throws Exception {
        try (PreparedStatement statement =
                file.connection().prepareStatement("select count(*) from " + table + " where sync_id = ?")) {
            statement.setString(1, syncId);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
