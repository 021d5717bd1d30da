package dev.baton.aws.sync;

import static dev.baton.aws.sync.SyncFixtures.GROUP;
import static dev.baton.aws.sync.SyncFixtures.USER;
import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.group;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Message;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlements;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlementsAndGrants;
import dev.baton.aws.proto.c1.connector.v2.SkipGrants;
import dev.baton.aws.spi.ApiCallStats;
import dev.baton.aws.spi.SyncException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each skip annotation, on the resource type and on one resource, and the calls it spares. */
class SkipAnnotationTest {
    private final Resource alice = user("alice");

    static Stream<Arguments> skips() {
        return Stream.of(
                Arguments.of(SkipEntitlementsAndGrants.getDefaultInstance(), false, false),
                Arguments.of(SkipEntitlements.getDefaultInstance(), false, true),
                Arguments.of(SkipGrants.getDefaultInstance(), true, false));
    }

    @ParameterizedTest(name = "{0} on the type")
    @MethodSource("skips")
    void onTheResourceTypeItSkipsEveryResourceOfTheType(Message skip, boolean entitlementsListed, boolean grantsListed)
            throws SyncException {
        ResourceType skippingGroups = SyncFixtures.withAnnotation(GROUP, skip);
        Resource eng = group("eng");
        Resource ops = group("ops");
        FakeSyncer groups = groupSyncer(skippingGroups, eng, ops);

        InMemorySyncStore store = sync(groups);

        assertEquals(entitlementsListed ? 2 : 0, count(groups, "entitlements "));
        assertEquals(grantsListed ? 2 : 0, count(groups, "grants "));
        assertEquals(entitlementsListed ? 2 : 0, store.entitlements().size());
        assertEquals(entitlementsListed && grantsListed ? 2 : 0, store.grants().size());
    }

    @ParameterizedTest(name = "{0} on a resource")
    @MethodSource("skips")
    void onAResourceItSkipsOnlyThatResource(Message skip, boolean entitlementsListed, boolean grantsListed)
            throws SyncException {
        Resource eng = SyncFixtures.withAnnotation(group("eng"), skip);
        Resource ops = group("ops");
        FakeSyncer groups = groupSyncer(GROUP, eng, ops);

        InMemorySyncStore store = sync(groups);

        assertEquals(List.of("entitlements group:ops "), calls(groups, "entitlements group:ops"));
        assertEquals(List.of("grants group:ops "), calls(groups, "grants group:ops"));
        assertEquals(entitlementsListed ? 1 : 0, count(groups, "entitlements group:eng"));
        assertEquals(grantsListed ? 1 : 0, count(groups, "grants group:eng"));
        long engGrants = store.grants().stream()
                .filter(stored -> stored.grant().getEntitlement().getId().equals("group:eng:member"))
                .count();
        assertEquals(entitlementsListed && grantsListed ? 1 : 0, engGrants);
    }

    private FakeSyncer groupSyncer(ResourceType type, Resource... groups) {
        FakeSyncer syncer = new FakeSyncer(type, 10).resources(null, List.of(groups));
        for (Resource group : groups) {
            Entitlement member = entitlement(group, "member");
            syncer.entitlements(group, List.of(member)).grants(group, List.of(grant(member, alice.getId())));
        }
        return syncer;
    }

    private InMemorySyncStore sync(FakeSyncer groups) throws SyncException {
        InMemorySyncStore store = new InMemorySyncStore();
        new SyncEngine(
                        List.of(new FakeSyncer(USER, 10).resources(null, List.of(alice)), groups),
                        store,
                        SyncOptions.defaults(),
                        new WarningCollector(5, message -> {}),
                        ApiCallStats.none(),
                        ProgressSink.none(),
                        Clock.systemUTC())
                .run();
        return store;
    }

    private static List<String> calls(FakeSyncer syncer, String prefix) {
        return syncer.calls().stream().filter(call -> call.startsWith(prefix)).toList();
    }

    private static long count(FakeSyncer syncer, String prefix) {
        return calls(syncer, prefix).size();
    }
}
