package dev.baton.aws.c1z;

import static dev.baton.aws.c1z.C1zFixtures.TYPES;
import static dev.baton.aws.c1z.C1zFixtures.account;
import static dev.baton.aws.c1z.C1zFixtures.expandableGrant;
import static dev.baton.aws.c1z.C1zFixtures.grant;
import static dev.baton.aws.c1z.C1zFixtures.group;
import static dev.baton.aws.c1z.C1zFixtures.member;
import static dev.baton.aws.c1z.C1zFixtures.options;
import static dev.baton.aws.c1z.C1zFixtures.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.GrantSources;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C1zWriterTest {
    @TempDir
    Path dir;

    private final Resource account = account("111122223333");
    private final Resource alice = user("alice", "111122223333");
    private final Resource bob = user("bob", "111122223333");
    private final Resource eng = group("eng");
    private final Resource ops = group("ops");
    private final Entitlement engMember = member(eng);
    private final Entitlement opsMember = member(ops);

    private Path writeSample() throws Exception {
        Path out = dir.resolve("sample.c1z");
        try (C1zWriter writer = C1zWriter.create(out, options(dir))) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account, alice, bob, eng, ops));
            writer.putEntitlements(List.of(engMember, opsMember));
            writer.putGrants(List.of(
                    grant(engMember, alice),
                    grant(opsMember, bob),
                    expandableGrant(engMember, ops, "group:ops:member")));
            writer.finish();
        }
        return out;
    }

    @Test
    void roundTripReturnsWhatWasWritten() throws Exception {
        Path out = writeSample();
        try (C1zReader reader = C1zReader.open(out)) {
            assertEquals(TYPES, reader.resourceTypes());
            assertEquals(alice, reader.resource(alice.getId()).orElseThrow());
            assertEquals(List.of(alice, bob), reader.resources("user"));
            assertEquals(List.of(engMember), reader.entitlements(eng.getId()));
            assertEquals(List.of("group:eng:member", "group:ops:member"), reader.entitlementIds());
            List<StoredGrant> engGrants = reader.grantsForEntitlement("group:eng:member");
            assertEquals(
                    List.of(grant(engMember, alice), grant(engMember, ops)),
                    engGrants.stream().map(StoredGrant::grant).toList());
            assertNull(engGrants.get(0).expandable());
            assertEquals(
                    List.of("group:ops:member"),
                    engGrants.get(1).expansion().orElseThrow().getEntitlementIdsList());
            assertEquals(
                    List.of(grant(opsMember, bob)),
                    reader.grantsForPrincipal(bob.getId()).stream()
                            .map(StoredGrant::grant)
                            .toList());
            SyncRun sync = reader.currentSync().orElseThrow();
            assertEquals("full", sync.type());
            assertTrue(sync.finished());
            assertEquals(
                    new C1zCounts(3, 5, 2, 3, new TreeMap<>(Map.of("account", 1L, "user", 2L, "group", 2L))),
                    reader.counts());
        }
    }

    @Test
    void parentedResourceFillsTheParentColumnsAndOthersLeaveThemNull() throws Exception {
        Path out = writeSample();
        try (RawDatabase raw = RawDatabase.decode(out, dir)) {
            assertEquals(
                    List.of(List.of("user", "account", "111122223333")),
                    raw.rows("select resource_type_id, parent_resource_type_id, parent_resource_id from v1_resources"
                            + " where external_id = 'user:alice'"));
            assertEquals(
                    List.of(Arrays.asList("group", null, null)),
                    raw.rows("select resource_type_id, parent_resource_type_id, parent_resource_id from v1_resources"
                            + " where external_id = 'group:eng'"));
        }
    }

    @Test
    void grantColumnsComeFromTheEntitlementResourceAndThePrincipal() throws Exception {
        Path out = writeSample();
        try (RawDatabase raw = RawDatabase.decode(out, dir)) {
            assertEquals(
                    List.of(List.of("group", "eng", "group:eng:member", "user", "alice")),
                    raw.rows("select resource_type_id, resource_id, entitlement_id, principal_resource_type_id,"
                            + " principal_resource_id from v1_grants"
                            + " where external_id = 'group:eng:member:user:alice'"));
        }
    }

    @Test
    void grantExpandableGoesToTheExpansionColumnAndNotTheBlob() throws Exception {
        Path out = writeSample();
        try (RawDatabase raw = RawDatabase.decode(out, dir)) {
            List<Object> row = raw.rows("select expansion, needs_expansion, data from v1_grants"
                            + " where external_id = 'group:eng:member:group:ops'")
                    .get(0);
            GrantExpandable expansion = GrantExpandable.parseFrom((byte[]) row.get(0));
            assertEquals(List.of("group:ops:member"), expansion.getEntitlementIdsList());
            assertEquals(List.of("user"), expansion.getResourceTypeIdsList());
            assertEquals(1L, row.get(1));
            Grant blob = Grant.parseFrom((byte[]) row.get(2));
            assertEquals(1, blob.getAnnotationsCount());
            assertFalse(blob.getAnnotations(0).is(GrantExpandable.class));
            assertEquals(
                    List.of(List.of(0L)),
                    raw.rows("select count(*) from v1_grants where external_id != 'group:eng:member:group:ops'"
                            + " and (expansion is not null or needs_expansion != 0)"));
        }
    }

    @Test
    void expandableWithOnlyBlankIdsIsStrippedWithoutAnExpansion() throws Exception {
        Path out = dir.resolve("blank.c1z");
        try (C1zWriter writer = C1zWriter.create(out, options(dir))) {
            writer.putGrants(List.of(expandableGrant(engMember, ops, " ", "")));
            StoredGrant stored = writer.grant("group:eng:member:group:ops").orElseThrow();
            assertNull(stored.expandable());
            assertEquals(grant(engMember, ops), stored.grant());
        }
    }

    @Test
    void duplicateIdsKeepOneRowWithTheLatestData() throws Exception {
        Path out = dir.resolve("dup.c1z");
        Resource renamed = alice.toBuilder().setDisplayName("Alice Liddell").build();
        Grant plain = grant(engMember, ops);
        try (C1zWriter writer = C1zWriter.create(out, options(dir))) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account, alice, eng, ops));
            writer.putResources(List.of(renamed));
            writer.putEntitlements(List.of(
                    engMember, engMember.toBuilder().setDisplayName("Member").build()));
            writer.putGrants(List.of(expandableGrant(engMember, ops, "group:ops:member")));
            writer.putGrants(List.of(plain));
            writer.finish();
        }
        try (RawDatabase raw = RawDatabase.decode(out, dir)) {
            assertEquals(1L, raw.single("select count(*) from v1_resources where external_id = 'user:alice'"));
            assertEquals(1L, raw.single("select count(*) from v1_entitlements"));
            assertEquals(
                    List.of(Arrays.asList(null, 0L)), raw.rows("select expansion, needs_expansion from v1_grants"));
        }
        try (C1zReader reader = C1zReader.open(out)) {
            assertEquals(renamed, reader.resource(alice.getId()).orElseThrow());
            assertEquals(
                    "Member",
                    reader.entitlement("group:eng:member").orElseThrow().getDisplayName());
            assertEquals(
                    new StoredGrant(plain, null), reader.grant(plain.getId()).orElseThrow());
        }
    }

    @Test
    void preservingPutKeepsTheExpansionOfAnExistingGrant() throws Exception {
        Grant expandable = expandableGrant(engMember, ops, "group:ops:member");
        try (C1zWriter writer = C1zWriter.create(dir.resolve("keep.c1z"), options(dir))) {
            writer.putGrants(List.of(expandable));
            StoredGrant stored = writer.grant(expandable.getId()).orElseThrow();
            Grant withSources = stored.grant().toBuilder()
                    .setSources(GrantSources.newBuilder()
                            .putSources(
                                    "group:eng:member",
                                    GrantSources.GrantSource.newBuilder()
                                            .setIsDirect(true)
                                            .build()))
                    .build();
            writer.putGrantsPreservingExpansion(List.of(withSources));
            StoredGrant rewritten = writer.grant(expandable.getId()).orElseThrow();
            assertEquals(withSources, rewritten.grant());
            assertEquals(stored.expandable(), rewritten.expandable());
        }
    }

    @Test
    void readsDuringWritingSeeRowsOfTheUnflushedBatch() throws Exception {
        try (C1zWriter writer =
                C1zWriter.create(dir.resolve("reads.c1z"), options(dir).withBatchSize(1000))) {
            assertFalse(writer.hasResourceType("user"));
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(alice));
            writer.putEntitlements(List.of(engMember));
            writer.putGrants(List.of(grant(engMember, alice)));
            assertTrue(writer.hasResourceType("user"));
            assertTrue(writer.hasResource(alice.getId()));
            assertFalse(writer.hasResource(bob.getId()));
            assertEquals(alice, writer.resource(alice.getId()).orElseThrow());
            assertEquals(engMember, writer.entitlement(engMember.getId()).orElseThrow());
            C1zCounts counts = writer.counts();
            assertEquals(1, counts.grants());
            assertEquals(3, counts.resourceTypes());
            assertEquals(Map.of("account", 0L, "group", 0L, "user", 1L), counts.resourcesByType());
        }
    }

    @Test
    void forEachGrantOfEntitlementPagesInRowidOrderAndSeesGrantsAddedMeanwhile() throws Exception {
        List<Resource> users = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            users.add(user("user" + i, "111122223333"));
        }
        List<String> seen = new ArrayList<>();
        try (C1zWriter writer = C1zWriter.create(dir.resolve("stream.c1z"), options(dir))) {
            writer.putGrants(
                    users.subList(0, 5).stream().map(u -> grant(engMember, u)).toList());
            writer.putGrants(List.of(grant(opsMember, alice)));
            writer.forEachGrantOfEntitlement("group:eng:member", stored -> {
                seen.add(stored.grant().getPrincipal().getId().getResource());
                if (seen.size() == 1) {
                    writer.putGrants(users.subList(5, 7).stream()
                            .map(u -> grant(engMember, u))
                            .toList());
                }
            });
        }
        assertEquals(List.of("user0", "user1", "user2", "user3", "user4", "user5", "user6"), seen);
    }

    @Test
    void forEachGrantPrincipalMatchesTheBlobsAcrossPagesWithoutTheOtherEntitlements() throws Exception {
        List<Grant> engGrants = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            engGrants.add(grant(engMember, user("user" + i, "111122223333")));
        }
        engGrants.add(expandableGrant(engMember, ops, "group:ops:member"));
        List<String> fromColumns = new ArrayList<>();
        List<String> fromBlobs = new ArrayList<>();
        try (C1zWriter writer = C1zWriter.create(dir.resolve("principals.c1z"), options(dir))) {
            writer.putGrants(engGrants.subList(0, 4));
            writer.putGrants(List.of(grant(opsMember, alice)));
            writer.putGrants(engGrants.subList(4, engGrants.size()));
            writer.forEachGrantPrincipal(
                    "group:eng:member",
                    (grantId, principal) -> fromColumns.add(
                            grantId + " " + principal.getResourceType() + "/" + principal.getResource()));
            writer.forEachGrantOfEntitlement(
                    "group:eng:member",
                    stored -> fromBlobs.add(stored.grant().getId()
                            + " " + stored.grant().getPrincipal().getId().getResourceType() + "/"
                            + stored.grant().getPrincipal().getId().getResource()));
        }
        assertEquals(8, fromColumns.size(), "three pages of at most three rows");
        assertEquals(fromBlobs, fromColumns);
        assertEquals("group:eng:member:group:ops group/ops", fromColumns.get(7));
    }

    @Test
    void forEachExpandableGrantVisitsOnlyGrantsWithAnExpansion() throws Exception {
        List<StoredGrant> seen = new ArrayList<>();
        try (C1zWriter writer = C1zWriter.create(dir.resolve("exp.c1z"), options(dir))) {
            writer.putGrants(List.of(
                    grant(engMember, alice),
                    expandableGrant(engMember, ops, "group:ops:member"),
                    grant(opsMember, bob),
                    expandableGrant(opsMember, eng, "group:eng:member")));
            writer.forEachExpandableGrant(seen::add);
        }
        assertEquals(
                List.of("group:eng:member:group:ops", "group:ops:member:group:eng"),
                seen.stream().map(stored -> stored.grant().getId()).toList());
        assertEquals(List.of("group:eng:member"), seen.get(1).expandable().getEntitlementIdsList());
    }

    @Test
    void closeWithoutFinishLeavesAnExistingOutputByteIdentical() throws Exception {
        Path out = dir.resolve("existing.c1z");
        byte[] before = "previous sync file".getBytes(StandardCharsets.UTF_8);
        Files.write(out, before);
        Path temp = dir.resolve("work");
        try (C1zWriter writer = C1zWriter.create(out, options(temp))) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account, alice));
        }
        assertArrayEquals(before, Files.readAllBytes(out));
        assertEquals(List.of("existing.c1z", "work"), names(dir), "no temp or lock file is left beside the output");
        try (var leftovers = Files.list(temp)) {
            assertEquals(0, leftovers.count(), "working directory must be deleted");
        }
    }

    @Test
    void finishReplacesAnExistingOutputAndCleansUp() throws Exception {
        Path out = dir.resolve("sample.c1z");
        Files.writeString(out, "old");
        Path temp = dir.resolve("work");
        try (C1zWriter writer = C1zWriter.create(out, options(temp))) {
            writer.putResourceTypes(TYPES);
            writer.finish();
            assertThrows(IllegalStateException.class, () -> writer.putResourceTypes(TYPES));
        }
        byte[] header = Arrays.copyOf(Files.readAllBytes(out), 9);
        assertArrayEquals(new byte[] {'C', '1', 'Z', 'F', 0, 0x28, (byte) 0xB5, 0x2F, (byte) 0xFD}, header);
        assertEquals(List.of("sample.c1z", "work"), names(dir), "no temp or lock file is left beside the output");
        try (var leftovers = Files.list(temp)) {
            assertEquals(0, leftovers.count());
        }
    }

    @Test
    void missingOutputDirectoryFailsAtCreateNotAtFinish() {
        Path out = dir.resolve("no-such-dir").resolve("sync.c1z");
        C1zException error = assertThrows(C1zException.class, () -> C1zWriter.create(out, options(dir)));
        assertEquals(out + ": directory '" + out.getParent() + "' does not exist", error.getMessage());
    }

    private static List<String> names(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void syncRunIsOneFinishedFullSyncShapedLikeTheSdks() throws Exception {
        Path out = writeSample();
        try (RawDatabase raw = RawDatabase.decode(out, dir)) {
            List<List<Object>> runs = raw.rows("select sync_id, started_at, ended_at, sync_token, sync_type,"
                    + " parent_sync_id, linked_sync_id, supports_diff, grants_backfilled, stats,"
                    + " ingest_invariant_generation, ingest_invariant_coverage, ingest_invariant_mode"
                    + " from v1_sync_runs");
            assertEquals(1, runs.size());
            List<Object> run = runs.get(0);
            String syncId = (String) run.get(0);
            assertEquals(Ksuid.ENCODED_LENGTH, syncId.length());
            assertEquals(
                    Instant.parse("2026-03-03T17:45:13Z"), Ksuid.parse(syncId).timestamp());
            assertEquals(
                    Arrays.asList(
                            syncId,
                            "2026-03-03 17:45:13.056791",
                            "2026-03-03 17:45:13.056791",
                            "",
                            "full",
                            "",
                            "",
                            1L,
                            1L,
                            null,
                            "",
                            "",
                            ""),
                    run);
            for (String table : List.of("v1_resource_types", "v1_resources", "v1_entitlements", "v1_grants")) {
                assertEquals(
                        List.of(List.of(syncId, "text", "text", "2026-03-03 17:45:13.056791", "blob")),
                        raw.rows("select distinct sync_id, typeof(sync_id), typeof(external_id), discovered_at,"
                                + " typeof(data) from " + table));
            }
        }
    }

    @Test
    void equalMessagesGiveEqualBlobsWhateverTheMapInsertionOrder() {
        GrantSources.GrantSource direct =
                GrantSources.GrantSource.newBuilder().setIsDirect(true).build();
        Grant first = grant(engMember, alice).toBuilder()
                .setSources(GrantSources.newBuilder()
                        .putSources("b", direct)
                        .putSources("a", direct)
                        .putSources("c", direct))
                .build();
        Grant second = grant(engMember, alice).toBuilder()
                .setSources(GrantSources.newBuilder()
                        .putSources("c", direct)
                        .putSources("a", direct)
                        .putSources("b", direct))
                .build();
        assertArrayEquals(ProtoEncoding.serialize(first), ProtoEncoding.serialize(second));
    }

    @Test
    void grantsWithoutEmbeddedIdsAreRejected() throws Exception {
        try (C1zWriter writer = C1zWriter.create(dir.resolve("bad.c1z"), options(dir))) {
            Grant noPrincipal =
                    grant(engMember, alice).toBuilder().clearPrincipal().build();
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> writer.putGrants(List.of(noPrincipal)));
            assertTrue(error.getMessage().contains("group:eng:member:user:alice"), error.getMessage());
            assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.putResources(List.of(
                            Resource.newBuilder().setDisplayName("no id").build())));
            assertThrows(
                    IllegalArgumentException.class,
                    () -> writer.putEntitlements(
                            List.of(engMember.toBuilder().clearResource().build())));
        }
    }

    @Test
    void unknownAnnotationsOtherThanExpandableStayInTheBlob() throws Exception {
        Grant withTwo = grant(engMember, alice).toBuilder()
                .addAnnotations(Any.pack(
                        GrantExpandable.newBuilder().addEntitlementIds("x").build()))
                .addAnnotations(Any.pack(
                        GrantExpandable.newBuilder().addEntitlementIds("y").build()))
                .build();
        try (C1zWriter writer = C1zWriter.create(dir.resolve("two.c1z"), options(dir))) {
            writer.putGrants(List.of(withTwo));
            StoredGrant stored = writer.grant(withTwo.getId()).orElseThrow();
            assertEquals(grant(engMember, alice), stored.grant());
            assertEquals(List.of("x"), stored.expandable().getEntitlementIdsList());
        }
    }

    @Test
    void aTargetedOrResourceOnlySyncIsRecordedWithTheSdksSyncType() throws Exception {
        Path out = dir.resolve("partial.c1z");
        try (C1zWriter writer = C1zWriter.create(out, options(dir))) {
            writer.setSyncType("partial");
            writer.putResourceTypes(TYPES);
            writer.finish();
        }
        try (RawDatabase raw = RawDatabase.decode(out, dir)) {
            assertEquals(List.of(List.of("partial")), raw.rows("select sync_type from v1_sync_runs"));
        }
        try (C1zWriter writer = C1zWriter.create(dir.resolve("other.c1z"), options(dir))) {
            assertThrows(IllegalArgumentException.class, () -> writer.setSyncType("diff"));
        }
    }
}
