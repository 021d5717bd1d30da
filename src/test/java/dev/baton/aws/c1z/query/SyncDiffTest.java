package dev.baton.aws.c1z.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.c1z.C1zWriter;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.c1z.SyncHistory;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantSources;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.testing.C1zAssertions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diff of two syncs and the access paths, on a small hand-made file. */
class SyncDiffTest {
    private static final ResourceType USER = ResourceType.newBuilder()
            .setId("user")
            .setDisplayName("User")
            .addTraits(ResourceType.Trait.TRAIT_USER)
            .build();
    private static final ResourceType GROUP =
            ResourceType.newBuilder().setId("group").setDisplayName("Group").build();
    private static final ResourceType ROLE =
            ResourceType.newBuilder().setId("role").setDisplayName("Role").build();

    @TempDir
    Path dir;

    @Test
    void reportsAddedRemovedAndChangedObjectsWithTheChangedFieldsAndGrantKinds() throws Exception {
        Path out = dir.resolve("sync.c1z");
        Resource eng = resource("group", "eng", Map.of());
        Resource admin = resource("role", "admin", Map.of());
        Entitlement member = entitlement(eng, "member");
        Entitlement assumes = entitlement(admin, "assume");
        write(
                out,
                1,
                List.of(user("alice", Map.of("team", "a")), user("bob", Map.of()), eng, admin),
                List.of(member, assumes),
                List.of(grant(member, "bob", Map.of())));
        write(
                out,
                2,
                List.of(user("alice", Map.of("team", "b")), user("carol", Map.of()), eng, admin),
                List.of(member, assumes),
                List.of(grant(member, "carol", Map.of()), grant(assumes, "carol", Map.of(member.getId(), false))));
        try (SyncFile file = SyncFile.open(out, dir)) {
            List<SyncRunRow> syncs = file.finishedFullSyncs();
            SyncDiff diff = SyncDiff.between(file.view(syncs.get(1)), file.view(syncs.get(0)));
            assertEquals(
                    List.of(
                            "user:alice CHANGED [annotations.UserTrait.profile.team, profile.team]",
                            "user:bob REMOVED []",
                            "user:carol ADDED []"),
                    describe(diff.resources()));
            assertEquals(List.of(), diff.entitlements());
            assertEquals(
                    List.of(
                            "group:eng:member:user:bob REMOVED []",
                            "group:eng:member:user:carol ADDED []",
                            "role:admin:assume:user:carol ADDED []"),
                    describe(diff.grants()));
            assertEquals(GrantKind.EXPANDED, GrantKind.of(diff.grants().get(2).after()));
            assertEquals(
                    List.of(member.getId()), GrantKind.via(diff.grants().get(2).after()));

            SyncView latest = file.view(syncs.get(0));
            List<Access> access = new AccessQuery(latest).of(id("user", "carol"));
            assertEquals(2, access.size());
            assertTrue(access.get(0).paths().get(0).direct());
            assertEquals(
                    member.getId(), access.get(1).paths().get(0).hops().get(0).getId());
            List<Access> holders = new AccessQuery(latest).holders(assumes.getId());
            assertEquals("carol", holders.get(0).principal().getDisplayName());
            assertEquals(
                    member.getId(), holders.get(0).paths().get(0).hops().get(0).getId());

            SyncDiff none = SyncDiff.between(latest, latest);
            assertTrue(none.isEmpty());
        }
    }

    @Test
    void twoFilesDiffLikeTwoSyncsOfOneFile() throws Exception {
        Resource eng = resource("group", "eng", Map.of());
        Entitlement member = entitlement(eng, "member");
        List<Resource> before = List.of(user("alice", Map.of("team", "a")), user("bob", Map.of()), eng);
        List<Resource> after = List.of(user("alice", Map.of("team", "b")), user("carol", Map.of()), eng);
        List<Grant> grantsBefore = List.of(grant(member, "bob", Map.of()));
        List<Grant> grantsAfter =
                List.of(grant(member, "carol", Map.of()), grant(member, "alice", Map.of("group:eng:owner", false)));
        Path both = dir.resolve("both.c1z");
        write(both, 1, before, List.of(member), grantsBefore);
        write(both, 2, after, List.of(member), grantsAfter);
        Path old = dir.resolve("old.c1z");
        Path current = dir.resolve("new.c1z");
        write(old, 1, before, List.of(member), grantsBefore);
        write(current, 2, after, List.of(member), grantsAfter);

        SyncDiff inOneFile;
        try (SyncFile file = SyncFile.open(both, dir)) {
            List<SyncRunRow> syncs = file.finishedFullSyncs();
            inOneFile = SyncDiff.between(file.view(syncs.get(1)), file.view(syncs.get(0)));
        }
        try (SyncFile a = SyncFile.open(old, dir);
                SyncFile b = SyncFile.open(current, dir)) {
            SyncDiff acrossFiles = SyncDiff.between(
                    a.view(a.defaultSync().orElseThrow()),
                    b.view(b.defaultSync().orElseThrow()));
            assertEquals(describe(acrossFiles.resources()), describe(inOneFile.resources()));
            assertEquals(describe(acrossFiles.grants()), describe(inOneFile.grants()));
            assertEquals(
                    List.of(
                            "group:eng:member:user:alice ADDED []",
                            "group:eng:member:user:bob REMOVED []",
                            "group:eng:member:user:carol ADDED []"),
                    describe(inOneFile.grants()));
        }
    }

    @Test
    void grantRowsReadKindAndViaWithoutDecodingTheGrant() throws Exception {
        Resource eng = resource("group", "eng", Map.of());
        Entitlement member = entitlement(eng, "member");
        Entitlement owner = entitlement(eng, "owner");
        List<Grant> grants = List.of(
                grant(member, "ada", Map.of()),
                grant(member, "bob", Map.of(owner.getId(), false, "group:ops:member", false)),
                grant(member, "cy", Map.of(member.getId(), true, owner.getId(), false)));
        for (Grant stored : grants) {
            Grant withAnnotation = stored.toBuilder()
                    .addAnnotations(
                            Any.pack(UserTrait.newBuilder().setLogin("x").build()))
                    .build(); // fields after sources are skipped too
            GrantRow row = GrantRow.of(
                    stored.getId(),
                    member.getId(),
                    "group",
                    "eng",
                    "user",
                    stored.getPrincipal().getId().getResource(),
                    withAnnotation.toByteArray());
            assertEquals(GrantKind.of(stored), row.kind(), stored.getId());
            assertEquals(GrantKind.via(stored), row.via(), stored.getId());
        }
    }

    private static List<String> describe(List<? extends Change<?>> changes) {
        return changes.stream()
                .map(c -> c.id() + " " + c.kind() + " " + c.changedFields())
                .toList();
    }

    private void write(
            Path out, int minute, List<Resource> resources, List<Entitlement> entitlements, List<Grant> grants)
            throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-03T10:00:00Z").plusSeconds(60L * minute), ZoneOffset.UTC);
        try (C1zWriter writer = C1zWriter.create(
                out, C1zWriterOptions.defaults().withTempDir(dir).withClock(clock), SyncHistory.keep(2))) {
            writer.putResourceTypes(List.of(USER, GROUP, ROLE));
            writer.putResources(resources);
            writer.putEntitlements(entitlements);
            writer.putGrants(grants);
            writer.finish();
        }
        C1zAssertions.assertValidC1z(out);
    }

    private static ResourceId id(String type, String id) {
        return ResourceId.newBuilder().setResourceType(type).setResource(id).build();
    }

    private static Resource resource(String type, String id, Map<String, String> profile) {
        Struct.Builder struct = Struct.newBuilder();
        profile.forEach((k, v) ->
                struct.putFields(k, Value.newBuilder().setStringValue(v).build()));
        return Resource.newBuilder()
                .setId(id(type, id))
                .setDisplayName(id)
                .setProfile(struct)
                .build();
    }

    /** A user whose UserTrait profile is its resource profile plus its login (readers need a trait profile). */
    private static Resource user(String name, Map<String, String> profile) {
        Resource base = resource("user", name, profile);
        Struct traitProfile = base.getProfile().toBuilder()
                .putFields("login", Value.newBuilder().setStringValue(name).build())
                .build();
        return base.toBuilder()
                .addAnnotations(Any.pack(UserTrait.newBuilder()
                        .setLogin(name)
                        .setProfile(traitProfile)
                        .build()))
                .build();
    }

    private static Entitlement entitlement(Resource resource, String slug) {
        return Entitlement.newBuilder()
                .setResource(resource)
                .setSlug(slug)
                .setDisplayName(slug)
                .setId(resource.getId().getResourceType() + ":"
                        + resource.getId().getResource() + ":" + slug)
                .build();
    }

    private static Grant grant(Entitlement entitlement, String user, Map<String, Boolean> sources) {
        GrantSources.Builder from = GrantSources.newBuilder();
        sources.forEach((id, direct) -> from.putSources(
                id, GrantSources.GrantSource.newBuilder().setIsDirect(direct).build()));
        Grant.Builder grant = Grant.newBuilder()
                .setEntitlement(entitlement)
                .setPrincipal(Resource.newBuilder().setId(id("user", user)))
                .setId(entitlement.getId() + ":user:" + user);
        if (!sources.isEmpty()) {
            grant.setSources(from);
        }
        return grant.build();
    }
}
