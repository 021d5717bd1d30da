package dev.baton.aws.sync;

import static dev.baton.aws.sync.SyncFixtures.GROUP;
import static dev.baton.aws.sync.SyncFixtures.ROLE;
import static dev.baton.aws.sync.SyncFixtures.USER;
import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.expandable;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.group;
import static dev.baton.aws.sync.SyncFixtures.role;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.c1z.C1zReader;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantImmutable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.ApiCallStats;
import dev.baton.aws.testing.C1zAssertions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: the engine writes a real c1z through {@link C1zSyncStore} and the shared checker accepts it. */
class C1zSyncStoreTest {
    @TempDir
    Path directory;

    @Test
    void aSyncWithExpansionAndADanglingGrantWritesAFileTheCheckerAccepts() throws Exception {
        Path output = directory.resolve("sync.c1z");
        WarningCollector warnings = new WarningCollector(5, message -> {});
        SyncSummary summary;
        try (C1zSyncStore store = C1zSyncStore.create(
                output,
                C1zWriterOptions.defaults()
                        .withTempDir(directory.resolve("work"))
                        .withBatchSize(7))) {
            summary = new SyncEngine(
                            world(),
                            store,
                            SyncOptions.defaults().withWorkers(4),
                            warnings,
                            ApiCallStats.none(),
                            ProgressSink.none(),
                            Clock.systemUTC())
                    .run();
            store.finish();
        }

        C1zAssertions.assertValidC1z(output);
        assertEquals(1, warnings.count(), "the grant to a role of another account is dropped");
        assertEquals(16, summary.grantsExpanded(), "4 ops members into eng; 7+4 users and group ops into admin");
        try (C1zReader reader = C1zReader.open(output, directory)) {
            Grant expanded =
                    reader.grant("role:admin:assigned:user:u3").orElseThrow().grant();
            assertTrue(expanded.getAnnotationsList().stream().anyMatch(any -> any.is(GrantImmutable.class)));
            assertTrue(expanded.getSources()
                    .getSourcesMap()
                    .get("group:eng:member")
                    .getIsDirect());
            Grant direct =
                    reader.grant("role:admin:assigned:user:u0").orElseThrow().grant();
            assertEquals(2, direct.getSources().getSourcesCount(), "a direct grant also reached via eng");
            assertFalse(direct.getAnnotationsList().stream().anyMatch(any -> any.is(GrantImmutable.class)));
            assertTrue(reader.grant("role:admin:assigned:group:eng")
                    .orElseThrow()
                    .expansion()
                    .isPresent());
            assertEquals(summary.grants(), reader.counts().grants());
        }
    }

    private static List<dev.baton.aws.spi.ResourceSyncer> world() {
        List<Resource> users = new ArrayList<>();
        for (int index = 0; index < 12; index++) {
            users.add(user("u" + index));
        }
        Resource eng = group("eng");
        Resource ops = group("ops");
        Resource admin = role("admin");
        Entitlement engMember = entitlement(eng, "member");
        Entitlement opsMember = entitlement(ops, "member");
        Entitlement assigned = entitlement(admin, "assigned");
        List<Grant> engGrants = new ArrayList<>();
        users.subList(0, 8).forEach(user -> engGrants.add(grant(engMember, user.getId())));
        engGrants.add(expandable(grant(engMember, ops.getId()), opsMember.getId()));
        List<Grant> opsGrants = new ArrayList<>();
        users.subList(8, 12).forEach(user -> opsGrants.add(grant(opsMember, user.getId())));
        List<Grant> roleGrants = List.of(
                grant(assigned, users.get(0).getId()),
                expandable(grant(assigned, eng.getId()), engMember.getId()),
                grant(assigned, Ids.resourceId("role", "arn:aws:iam::999999999999:role/elsewhere")));
        return List.of(
                new FakeSyncer(USER, 5).resources(null, users),
                new FakeSyncer(GROUP, 3)
                        .resources(null, List.of(eng, ops))
                        .entitlements(eng, List.of(engMember))
                        .entitlements(ops, List.of(opsMember))
                        .grants(eng, engGrants)
                        .grants(ops, opsGrants),
                new FakeSyncer(ROLE, 2)
                        .resources(null, List.of(admin))
                        .entitlements(admin, List.of(assigned))
                        .grants(admin, roleGrants));
    }
}
