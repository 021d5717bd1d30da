package dev.baton.aws.sync;

import static dev.baton.aws.sync.SyncFixtures.GROUP;
import static dev.baton.aws.sync.SyncFixtures.ROLE;
import static dev.baton.aws.sync.SyncFixtures.USER;
import static dev.baton.aws.sync.SyncFixtures.child;
import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.expandable;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.resource;
import static dev.baton.aws.sync.SyncFixtures.type;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.spi.ApiCallStats;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/** The same syncer output gives the same rows, byte for byte, whatever the number of workers. */
class DeterminismTest {
    private static final int USERS = 60;
    private static final int GROUPS = 12;
    private static final int ACCOUNTS = 3;

    @Test
    void oneWorkerAndEightWorkersWriteIdenticalRows() throws SyncException {
        SortedMap<String, byte[]> sequential = sync(1);
        assertTrue(
                sequential.keySet().stream()
                                .filter(key -> key.startsWith("grants/"))
                                .count()
                        > 200,
                "the fixture must exercise expansion: " + sequential.size() + " rows");
        for (int attempt = 0; attempt < 3; attempt++) {
            SortedMap<String, byte[]> parallel = sync(8);
            assertEquals(sequential.keySet(), parallel.keySet());
            for (Map.Entry<String, byte[]> row : sequential.entrySet()) {
                assertArrayEquals(row.getValue(), parallel.get(row.getKey()), row.getKey());
            }
        }
    }

    private static SortedMap<String, byte[]> sync(int workers) throws SyncException {
        InMemorySyncStore store = new InMemorySyncStore();
        new SyncEngine(
                        world(),
                        store,
                        SyncOptions.defaults().withWorkers(workers),
                        new WarningCollector(5, message -> {}),
                        ApiCallStats.none(),
                        ProgressSink.none(),
                        Clock.systemUTC())
                .run();
        return store.rows();
    }

    /**
     * Users in groups; groups nested in a chain with one cycle; per account (a parent type) roles that groups
     * and other roles assume, some shallow, one filtered to users; small pages everywhere.
     */
    private static List<ResourceSyncer> world() {
        ResourceType accountType = type("account", ResourceType.Trait.TRAIT_UNSPECIFIED);
        List<Resource> users = new ArrayList<>();
        for (int index = 0; index < USERS; index++) {
            users.add(user("u" + index));
        }
        List<Resource> groups = new ArrayList<>();
        for (int index = 0; index < GROUPS; index++) {
            groups.add(resource("group", "g" + index, null, GroupTrait.getDefaultInstance()));
        }
        FakeSyncer groupSyncer = new FakeSyncer(GROUP, 4).resources(null, groups);
        for (int index = 0; index < GROUPS; index++) {
            Resource group = groups.get(index);
            Entitlement member = entitlement(group, "member");
            List<Grant> grants = new ArrayList<>();
            for (int user = index; user < USERS; user += GROUPS / 2) {
                grants.add(grant(member, users.get(user).getId()));
            }
            if (index > 0) {
                Resource inner = groups.get(index - 1);
                grants.add(expandable(
                        grant(member, inner.getId()),
                        entitlement(inner, "member").getId()));
            }
            if (index == 3) { // g4 ⊂ g3 closes the cycle g3 → g4 → g3
                Resource outer = groups.get(4);
                grants.add(expandable(
                        grant(member, outer.getId()),
                        entitlement(outer, "member").getId()));
            }
            groupSyncer.entitlements(group, List.of(member)).grants(group, grants);
        }
        FakeSyncer accountSyncer = new FakeSyncer(accountType, 2);
        FakeSyncer roleSyncer = new FakeSyncer(ROLE, 3);
        List<Resource> accounts = new ArrayList<>();
        for (int index = 0; index < ACCOUNTS; index++) {
            accounts.add(resource("account", "a" + index, null, child("role")));
        }
        accountSyncer.resources(null, accounts);
        for (Resource account : accounts) {
            List<Resource> roles = new ArrayList<>();
            for (int index = 0; index < 4; index++) {
                roles.add(resource(
                        "role",
                        account.getId().getResource() + "-r" + index,
                        account.getId(),
                        RoleTrait.getDefaultInstance()));
            }
            roleSyncer.resources(account.getId(), roles);
            for (int index = 0; index < roles.size(); index++) {
                Resource role = roles.get(index);
                Entitlement assigned = entitlement(role, "assigned");
                Resource group =
                        groups.get((index * 5 + account.getId().getResource().length()) % GROUPS);
                List<Grant> grants = new ArrayList<>();
                grants.add(expandable(
                        grant(assigned, group.getId()),
                        index == 1,
                        index == 2 ? List.of("user") : List.of(),
                        entitlement(group, "member").getId()));
                grants.add(grant(assigned, users.get(index * 7).getId()));
                if (index > 0) {
                    Resource trusted = roles.get(index - 1);
                    grants.add(expandable(
                            grant(assigned, trusted.getId()),
                            entitlement(trusted, "assigned").getId()));
                }
                roleSyncer.entitlements(role, List.of(assigned)).grants(role, grants);
            }
        }
        return List.of(new FakeSyncer(USER, 7).resources(null, users), groupSyncer, accountSyncer, roleSyncer);
    }
}
