package dev.baton.aws.sync;

import static dev.baton.aws.sync.SyncFixtures.GROUP;
import static dev.baton.aws.sync.SyncFixtures.ROLE;
import static dev.baton.aws.sync.SyncFixtures.USER;
import static dev.baton.aws.sync.SyncFixtures.child;
import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.expandable;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.group;
import static dev.baton.aws.sync.SyncFixtures.resource;
import static dev.baton.aws.sync.SyncFixtures.role;
import static dev.baton.aws.sync.SyncFixtures.type;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.ApiCallStats;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SyncEngineTest {
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final WarningCollector warnings = new WarningCollector(5, message -> {});
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

    private SyncSummary sync(SyncOptions options, ResourceSyncer... syncers) throws SyncException {
        return new SyncEngine(
                        List.of(syncers), store, options, warnings, ApiCallStats.none(), ProgressSink.none(), clock)
                .run();
    }

    private SyncSummary sync(ResourceSyncer... syncers) throws SyncException {
        return sync(SyncOptions.defaults(), syncers);
    }

    /** Role {@code admin} with entitlement {@code assigned}, granted to {@code principal}. */
    private static FakeSyncer adminRoleAssignedTo(Resource principal) {
        Resource admin = role("admin");
        Entitlement assigned = entitlement(admin, "assigned");
        return new FakeSyncer(ROLE, 10)
                .resources(null, List.of(admin))
                .entitlements(admin, List.of(assigned))
                .grants(admin, List.of(grant(assigned, principal.getId())));
    }

    private static List<Resource> users(int count) {
        return IntStream.range(0, count).mapToObj(index -> user("u" + index)).toList();
    }

    @Test
    void pagesAreFollowedWithTheTokensTheSyncerReturned() throws SyncException {
        Resource eng = group("eng");
        List<Resource> users = users(7);
        Entitlement member = entitlement(eng, "member");
        FakeSyncer userSyncer = new FakeSyncer(USER, 3).resources(null, users);
        FakeSyncer groupSyncer = new FakeSyncer(GROUP, 2)
                .resources(null, List.of(eng))
                .entitlements(eng, List.of(member, entitlement(eng, "owner"), entitlement(eng, "viewer")))
                .grants(
                        eng,
                        users.stream().map(user -> grant(member, user.getId())).toList());

        sync(userSyncer, groupSyncer);

        assertEquals(
                List.of("list - ", "list - list:-@3", "list - list:-@6"),
                userSyncer.calls().stream()
                        .filter(call -> call.startsWith("list"))
                        .toList());
        assertEquals(
                List.of("entitlements group:eng ", "entitlements group:eng entitlements:group:eng@2"),
                groupSyncer.calls().stream()
                        .filter(call -> call.startsWith("entitlements"))
                        .toList());
        assertEquals(
                List.of(
                        "grants group:eng ",
                        "grants group:eng grants:group:eng@2",
                        "grants group:eng grants:group:eng@4",
                        "grants group:eng grants:group:eng@6"),
                groupSyncer.calls().stream()
                        .filter(call -> call.startsWith("grants"))
                        .toList());
        assertEquals(8, store.resources().size());
        assertEquals(3, store.entitlements().size());
        assertEquals(7, store.grants().size());
    }

    @Test
    void childResourceTypesAreListedUnderEachParentTwoLevelsDeep() throws SyncException {
        ResourceType orgType = type("org", ResourceType.Trait.TRAIT_UNSPECIFIED);
        ResourceType unitType = type("unit", ResourceType.Trait.TRAIT_UNSPECIFIED);
        ResourceType accountType = type("account", ResourceType.Trait.TRAIT_UNSPECIFIED);
        Resource org = resource("org", "o1", null, child("unit"));
        Resource unitA = resource("unit", "a", org.getId(), child("account"));
        Resource unitB = resource("unit", "b", org.getId(), child("account"));
        FakeSyncer orgs = new FakeSyncer(orgType, 10).resources(null, List.of(org));
        FakeSyncer units = new FakeSyncer(unitType, 1).resources(org.getId(), List.of(unitA, unitB));
        FakeSyncer accounts = new FakeSyncer(accountType, 10)
                .resources(unitA.getId(), List.of(resource("account", "111", unitA.getId())))
                .resources(
                        unitB.getId(),
                        List.of(resource("account", "222", unitB.getId()), resource("account", "333", unitB.getId())));

        sync(orgs, units, accounts);

        assertEquals(
                Set.of("list - ", "list org:o1 ", "list org:o1 list:org:o1@1"),
                Set.copyOf(units.calls().stream()
                        .filter(call -> call.startsWith("list"))
                        .toList()));
        assertEquals(
                Set.of("list - ", "list unit:a ", "list unit:b "),
                Set.copyOf(accounts.calls().stream()
                        .filter(call -> call.startsWith("list"))
                        .toList()));
        assertEquals(6, store.resources().size());
        Resource stored = store.resource(Ids.resourceId("account", "333")).orElseThrow();
        assertEquals(unitB.getId(), stored.getParentResourceId());
    }

    @Test
    void grantListingsStartWhileAnotherTypeIsStillListingResources() throws SyncException {
        CountDownLatch roleGrantsListed = new CountDownLatch(1);
        Resource admin = role("admin");
        Entitlement assigned = entitlement(admin, "assigned");
        List<Resource> users = users(4);
        FakeSyncer roles = new FakeSyncer(ROLE, 10)
                .resources(null, List.of(admin))
                .entitlements(admin, List.of(assigned))
                .grants(admin, List.of(grant(assigned, users.get(3).getId())));
        FakeSyncer userPages = new FakeSyncer(USER, 2).resources(null, users);
        ResourceSyncer signallingRoles = new Delegating(roles) {
            @Override
            public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
                roleGrantsListed.countDown();
                return super.grants(resource, token);
            }
        };
        ResourceSyncer waitingUsers = new Delegating(userPages) {
            @Override
            public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
                if (!token.isFirst()) {
                    awaitOrFail(roleGrantsListed, "the role's grants were not listed while users were");
                }
                return super.list(parent, token);
            }
        };

        sync(SyncOptions.defaults().withWorkers(2), signallingRoles, waitingUsers);

        assertEquals(
                List.of("role:admin:assigned:user:u3"),
                store.grants().stream().map(stored -> stored.grant().getId()).toList(),
                "the grant was listed before its principal u3 and kept once u3 was written");
        assertEquals(0, warnings.count());
    }

    private static void awaitOrFail(CountDownLatch latch, String message) throws SyncException {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new SyncException(message);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("interrupted", e);
        }
    }

    /** Forwards everything to a {@link FakeSyncer}; tests override one method to observe or delay it. */
    private static class Delegating implements ResourceSyncer {
        private final ResourceSyncer delegate;

        Delegating(ResourceSyncer delegate) {
            this.delegate = delegate;
        }

        @Override
        public ResourceType resourceType() {
            return delegate.resourceType();
        }

        @Override
        public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
            return delegate.list(parent, token);
        }

        @Override
        public Page<Entitlement> entitlements(Resource resource, PageToken token) throws SyncException {
            return delegate.entitlements(resource, token);
        }

        @Override
        public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
            return delegate.grants(resource, token);
        }

        @Override
        public void listingsDone() {
            delegate.listingsDone();
        }
    }

    @Test
    void eachSyncerIsToldOnceThatItsListingsAreDoneAsSoonAsNoneCanStart() throws SyncException {
        CountDownLatch rolesDone = new CountDownLatch(1);
        Resource alice = user("alice");
        FakeSyncer roles = adminRoleAssignedTo(alice);
        FakeSyncer users = new FakeSyncer(USER, 10).resources(null, List.of(alice));
        FakeSyncer groups = new FakeSyncer(GROUP, 10).resources(null, List.of(group("eng")));
        ResourceSyncer signallingRoles = new Delegating(roles) {
            @Override
            public void listingsDone() {
                super.listingsDone();
                rolesDone.countDown();
            }
        };
        ResourceSyncer waitingUsers = new Delegating(users) {
            @Override
            public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
                awaitOrFail(rolesDone, "roles were told only at the end, not while the users' grants were listed");
                return super.grants(resource, token);
            }
        };

        sync(
                SyncOptions.defaults().withWorkers(2).withResourceTypes(Set.of(ROLE.getId(), USER.getId())),
                signallingRoles,
                waitingUsers,
                groups);

        assertEquals(List.of(FakeSyncer.LISTINGS_DONE), groups.history(), "a type not synced is told at once");
        for (FakeSyncer syncer : List.of(roles, users)) {
            List<String> calls = syncer.history();
            assertEquals(1, Collections.frequency(calls, FakeSyncer.LISTINGS_DONE), calls.toString());
            assertEquals(FakeSyncer.LISTINGS_DONE, calls.get(calls.size() - 1), "no listing after it: " + calls);
        }
        assertEquals(
                List.of("role:admin:assigned:user:alice"),
                store.grants().stream().map(stored -> stored.grant().getId()).toList());
    }

    @Test
    void aFailingSyncerFailsTheRunWithItsMessage() {
        List<Resource> groups =
                IntStream.range(0, 40).mapToObj(index -> group("g" + index)).toList();
        FakeSyncer groupSyncer = new FakeSyncer(GROUP, 5)
                .resources(null, groups)
                .failGrants(groups.get(17), "iam:GetGroup on arn:aws:iam::111122223333:group/g17: AccessDenied");

        SyncException error = assertThrows(
                SyncException.class, () -> sync(SyncOptions.defaults().withWorkers(8), groupSyncer));

        assertEquals("iam:GetGroup on arn:aws:iam::111122223333:group/g17: AccessDenied", error.getMessage());
    }

    @Test
    void runningOutOfMemoryOnTheWritersThreadKeepsTheProgressAndFailsTheRun() {
        Resource alice = user("alice");
        FakeSyncer roles = adminRoleAssignedTo(alice);
        int[] commits = {0};
        SyncCheckpoint counting = (SyncCheckpoint) Proxy.newProxyInstance(
                SyncCheckpoint.class.getClassLoader(), new Class<?>[] {SyncCheckpoint.class}, (proxy, method, args) -> {
                    if (method.getName().equals("commit")) {
                        commits[0]++;
                    }
                    return method.invoke(SyncCheckpoint.NONE, args);
                });
        SyncStore exhausted = (SyncStore) Proxy.newProxyInstance(
                SyncStore.class.getClassLoader(), new Class<?>[] {SyncStore.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "putGrants" -> throw new OutOfMemoryError("Java heap space");
                        case "checkpoint" -> {
                            return counting;
                        }
                        default -> {
                            return method.invoke(store, args);
                        }
                    }
                });

        SyncException error = assertThrows(
                SyncException.class,
                () -> new SyncEngine(
                                List.of(roles, new FakeSyncer(USER, 10).resources(null, List.of(alice))),
                                exhausted,
                                SyncOptions.defaults(),
                                warnings,
                                ApiCallStats.none(),
                                ProgressSink.none(),
                                clock)
                        .run());

        assertTrue(error.getMessage().startsWith("the JVM ran out of memory during the "), error.getMessage());
        assertTrue(error.getCause() instanceof OutOfMemoryError, String.valueOf(error.getCause()));
        assertEquals(1, commits[0], "what was written before is kept for a run with a larger heap");
    }

    @Test
    void aGrantToAPrincipalThatWasNotSyncedIsDroppedWithOneWarning() throws SyncException {
        Resource admin = role("admin");
        Resource alice = user("alice");
        Entitlement assigned = entitlement(admin, "assigned");
        Grant foreign = grant(assigned, Ids.resourceId("role", "arn:aws:iam::999999999999:role/other"));
        Grant onMissingEntitlement = grant(entitlement(admin, "owner"), alice.getId());
        FakeSyncer roles = new FakeSyncer(ROLE, 10)
                .resources(null, List.of(admin))
                .entitlements(admin, List.of(assigned))
                .grants(admin, List.of(grant(assigned, alice.getId()), foreign, onMissingEntitlement));

        SyncSummary summary = sync(roles, new FakeSyncer(USER, 10).resources(null, List.of(alice)));

        assertEquals(
                List.of("role:admin:assigned:user:alice"),
                store.grants().stream().map(stored -> stored.grant().getId()).toList());
        assertEquals(2, warnings.count());
        assertEquals(
                List.of(
                        "dropped grant " + foreign.getId() + ": its principal "
                                + "role:arn:aws:iam::999999999999:role/other was not synced",
                        "dropped grant role:admin:owner:user:alice: its entitlement role:admin:owner was not synced"),
                warnings.firstMessages());
        assertEquals(1, summary.grantsDirect());
        assertEquals(2, summary.warnings());
    }

    @Test
    void grantsOnTheSameMissingEntitlementAreReportedOnce() throws SyncException {
        Resource admin = role("admin");
        Resource alice = user("alice");
        Resource bob = user("bob");
        Entitlement missing = entitlement(admin, "owner");
        FakeSyncer roles = new FakeSyncer(ROLE, 10)
                .resources(null, List.of(admin))
                .grants(admin, List.of(grant(missing, alice.getId()), grant(missing, bob.getId())));

        SyncSummary summary = sync(roles, new FakeSyncer(USER, 10).resources(null, List.of(alice, bob)));

        assertEquals(List.of(), store.grants());
        assertEquals(
                List.of("dropped grant role:admin:owner:user:alice: its entitlement role:admin:owner was not"
                        + " synced"),
                warnings.firstMessages());
        assertEquals(1, summary.warnings());
    }

    @Test
    void aResourceWithoutItsTypesTraitFailsNamingTheResource() {
        Resource bare = resource("user", "alice", null);
        FakeSyncer users = new FakeSyncer(USER, 10).resources(null, List.of(bare));

        SyncException error = assertThrows(SyncException.class, () -> sync(users));

        assertTrue(error.getMessage().contains("user:alice"), error.getMessage());
        assertTrue(error.getMessage().contains("UserTrait"), error.getMessage());
    }

    @Test
    void aResourceWithAnEmptyIdFails() {
        FakeSyncer users = new FakeSyncer(USER, 10).resources(null, List.of(user("")));

        SyncException error = assertThrows(SyncException.class, () -> sync(users));

        assertTrue(error.getMessage().contains("empty id"), error.getMessage());
    }

    @Test
    void anEntitlementOfAResourceThatWasNotSyncedFailsNamingIt() {
        Resource eng = group("eng");
        Resource ghost = group("ghost");
        FakeSyncer groups = new FakeSyncer(GROUP, 10)
                .resources(null, List.of(eng))
                .entitlements(eng, List.of(entitlement(ghost, "member")));

        SyncException error = assertThrows(SyncException.class, () -> sync(groups));

        assertTrue(error.getMessage().contains("group:ghost:member"), error.getMessage());
    }

    @Test
    void theResourceTypeFilterSyncsOnlyTheNamedTypes() throws SyncException {
        FakeSyncer users = new FakeSyncer(USER, 10).resources(null, users(2));
        FakeSyncer groups = new FakeSyncer(GROUP, 10).resources(null, List.of(group("eng")));

        SyncSummary summary = sync(SyncOptions.defaults().withResourceTypes(Set.of("group")), users, groups);

        assertEquals(List.of(), users.calls());
        assertEquals(1, summary.resourceTypes());
        assertEquals(1, summary.resources());
        assertTrue(store.hasResourceType("group"));
    }

    @Test
    void anUnknownTypeInTheFilterFailsListingTheKnownTypes() {
        FakeSyncer users = new FakeSyncer(USER, 10);

        SyncException error = assertThrows(
                SyncException.class, () -> sync(SyncOptions.defaults().withResourceTypes(Set.of("usr")), users));

        assertTrue(
                error.getMessage().contains("usr") && error.getMessage().contains("known types: user"),
                error.getMessage());
    }

    @Test
    void grantsAreExpandedAfterTheSyncAndCountedInTheSummary() throws SyncException {
        Resource eng = group("eng");
        Resource admin = role("admin");
        List<Resource> users = users(3);
        Entitlement member = entitlement(eng, "member");
        Entitlement assigned = entitlement(admin, "assigned");
        FakeSyncer groups = new FakeSyncer(GROUP, 10)
                .resources(null, List.of(eng))
                .entitlements(eng, List.of(member))
                .grants(
                        eng,
                        users.stream().map(user -> grant(member, user.getId())).toList());
        FakeSyncer roles = new FakeSyncer(ROLE, 10)
                .resources(null, List.of(admin))
                .entitlements(admin, List.of(assigned))
                .grants(admin, List.of(expandable(grant(assigned, eng.getId()), member.getId())));

        SyncSummary summary = sync(new FakeSyncer(USER, 10).resources(null, users), groups, roles);

        assertEquals(4, summary.grantsDirect());
        assertEquals(3, summary.grantsExpanded());
        assertEquals(7, store.grants().size());
        assertTrue(store.grant("role:admin:assigned:user:u2").isPresent());
        String rendered = summary.render();
        assertTrue(rendered.contains("grants:         7 (4 direct, 3 from expansion"), rendered);
        assertTrue(rendered.contains("    user: 3"), rendered);
    }

    @Test
    void aSyncerListedTwiceForOneTypeIsRejected() {
        List<ResourceSyncer> twice = List.of(new FakeSyncer(USER, 1), new FakeSyncer(USER, 1));

        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new SyncEngine(
                        twice,
                        store,
                        SyncOptions.defaults(),
                        warnings,
                        ApiCallStats.none(),
                        ProgressSink.none(),
                        clock));

        assertTrue(error.getMessage().contains("user"), error.getMessage());
    }

    @Test
    void progressIsReportedAtTheIntervalOfTheInjectedClock() throws SyncException {
        List<SyncProgress> reports = new ArrayList<>();
        TickingClock ticking = new TickingClock(Instant.parse("2026-11-28T12:00:00Z"), java.time.Duration.ofSeconds(2));
        FakeSyncer users = new FakeSyncer(USER, 1).resources(null, users(5));

        new SyncEngine(
                        List.of(users),
                        store,
                        SyncOptions.defaults().withWorkers(1),
                        warnings,
                        ApiCallStats.none(),
                        reports::add,
                        ticking)
                .run();

        assertTrue(reports.size() >= 2, "a clock that advances 2 s per read must trigger 5 s progress lines");
        assertEquals(SyncPhase.RESOURCE_TYPES, reports.get(0).phase(), "the first report comes at once");
        assertEquals(java.time.Duration.ofSeconds(2), reports.get(0).elapsed());
        SyncProgress first = reports.get(1);
        assertEquals(SyncPhase.RESOURCES, first.phase());
        assertTrue(first.render().startsWith("sync: resources, types "), first.render());
        assertTrue(first.render().contains(" API calls (0/s), 0 throttled, listings "), first.render());
    }

    @Test
    void progressCountsAnAccountDoneOnlyOnceEverythingListedUnderItIsWritten() throws Exception {
        ResourceType account = type("account", ResourceType.Trait.TRAIT_UNSPECIFIED);
        List<Resource> accounts = List.of("a1", "a2", "a3").stream()
                .map(id -> resource("account", id, null, child("user")))
                .toList();
        Resource a1 = accounts.get(0);
        Resource a2 = accounts.get(1);
        Resource ada = resource("user", "ada", a1.getId());
        Resource bob = resource("user", "bob", a2.getId());
        FakeSyncer accountSyncer = new FakeSyncer(account, 10).resources(null, accounts);
        FakeSyncer users = new FakeSyncer(USER, 10)
                .resources(a1.getId(), List.of(withUserTrait(ada)))
                .resources(a2.getId(), List.of(withUserTrait(bob)));
        CountDownLatch release = new CountDownLatch(1);
        ResourceSyncer gatedUsers = new ResourceSyncer() { // the users of a2 are listed only once released
                    @Override
                    public ResourceType resourceType() {
                        return USER;
                    }

                    @Override
                    public Page<Resource> list(ResourceId parent, PageToken token) throws SyncException {
                        if (parent != null && parent.equals(a2.getId())) {
                            try {
                                assertTrue(
                                        release.await(30, TimeUnit.SECONDS), "no report showed 2 of 3 accounts done");
                            } catch (InterruptedException e) {
                                throw new SyncException("interrupted", e);
                            }
                        }
                        return users.list(parent, token);
                    }

                    @Override
                    public Page<Entitlement> entitlements(Resource resource, PageToken token) throws SyncException {
                        return users.entitlements(resource, token);
                    }

                    @Override
                    public Page<Grant> grants(Resource resource, PageToken token) throws SyncException {
                        return users.grants(resource, token);
                    }
                };
        List<SyncProgress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        ProgressSink sink = progress -> {
            reports.add(progress);
            if (progress.accountsTotal() == 3 && progress.accountsDone() == 2) {
                release.countDown();
            }
        };
        TickingClock ticking = new TickingClock(Instant.parse("2026-11-28T12:00:00Z"), java.time.Duration.ofSeconds(2));

        new SyncEngine(
                        List.of(accountSyncer, gatedUsers),
                        store,
                        SyncOptions.defaults().withWorkers(4).withAccountTypes(Set.of("account")),
                        warnings,
                        ApiCallStats.none(),
                        sink,
                        ticking)
                .run();

        assertEquals(0, reports.get(0).accountsTotal(), "no account is listed at the start");
        assertTrue(
                !reports.get(0).render().contains("accounts")
                        && !reports.get(0).fields().containsKey("accounts_total"),
                reports.get(0).render());
        SyncProgress waiting = reports.stream()
                .filter(r -> r.accountsTotal() == 3 && r.accountsDone() == 2)
                .findFirst()
                .orElseThrow();
        assertTrue(waiting.render().contains(", accounts 2/3, "), waiting.render());
        assertEquals(2, waiting.fields().get("accounts_done"));
        assertEquals(3, waiting.fields().get("accounts_total"));
        for (int i = 1; i < reports.size(); i++) {
            assertTrue(
                    reports.get(i).accountsDone() >= reports.get(i - 1).accountsDone(),
                    "an account counted done never goes back: " + reports);
        }
        assertEquals(5, store.resources().size());
    }

    /** A user as {@link SyncFixtures#user} makes it, listed under the parent {@code resource} names. */
    private static Resource withUserTrait(Resource resource) {
        return user(resource.getId().getResource()).toBuilder()
                .setParentResourceId(resource.getParentResourceId())
                .build();
    }

    @Test
    void aTargetedSyncListsEntitlementsAndGrantsOnlyOfItsTargetsAndDoesNotExpand() throws SyncException {
        Resource eng = group("eng");
        Resource ops = group("ops");
        List<Resource> users = users(3);
        Entitlement engMember = entitlement(eng, "member");
        Entitlement opsMember = entitlement(ops, "member");
        FakeSyncer userSyncer = new FakeSyncer(USER, 10).resources(null, users);
        FakeSyncer groupSyncer = new FakeSyncer(GROUP, 10)
                .resources(null, List.of(eng, ops))
                .entitlements(eng, List.of(engMember))
                .entitlements(ops, List.of(opsMember))
                .grants(eng, List.of(grant(engMember, users.get(0).getId())))
                .grants(ops, List.of(grant(opsMember, users.get(1).getId())));
        SyncOptions targeted = SyncOptions.defaults()
                .withSelection(new SyncSelection(java.util.Set.of("group:eng", "group:missing"), false, false));

        SyncSummary summary = sync(targeted, userSyncer, groupSyncer);

        assertEquals(5, store.resources().size(), "resources are all listed: grants name them");
        assertEquals(
                List.of("entitlements group:eng "),
                groupSyncer.calls().stream()
                        .filter(call -> call.startsWith("entitlements"))
                        .toList());
        assertEquals(
                List.of("grants group:eng "),
                groupSyncer.calls().stream()
                        .filter(call -> call.startsWith("grants"))
                        .toList());
        assertEquals(1, store.grants().size());
        assertEquals(0, summary.grantsExpanded());
        assertTrue(
                warnings.firstMessages()
                        .contains("--sync-resources: no resource group:missing was listed; nothing synced for it"),
                warnings.firstMessages().toString());
    }

    @Test
    void skipFlagsDropGrantListingsOrBoth() throws SyncException {
        Resource eng = group("eng");
        Entitlement member = entitlement(eng, "member");
        FakeSyncer users = new FakeSyncer(USER, 10).resources(null, users(2));
        FakeSyncer groups = new FakeSyncer(GROUP, 10)
                .resources(null, List.of(eng))
                .entitlements(eng, List.of(member))
                .grants(eng, List.of(grant(member, user("u0").getId())));

        sync(
                SyncOptions.defaults().withSelection(new SyncSelection(java.util.Set.of("group:eng"), true, false)),
                users,
                groups);
        assertEquals(1, store.entitlements().size());
        assertEquals(0, store.grants().size(), "--skip-grants");

        InMemorySyncStore resourcesOnly = new InMemorySyncStore();
        new SyncEngine(
                        List.of(
                                new FakeSyncer(USER, 10).resources(null, users(2)),
                                new FakeSyncer(GROUP, 10)
                                        .resources(null, List.of(eng))
                                        .entitlements(eng, List.of(member))),
                        resourcesOnly,
                        SyncOptions.defaults().withSelection(new SyncSelection(java.util.Set.of(), false, true)),
                        warnings,
                        ApiCallStats.none(),
                        ProgressSink.none(),
                        clock)
                .run();
        assertEquals(3, resourcesOnly.resources().size());
        assertEquals(0, resourcesOnly.entitlements().size(), "--skip-entitlements-and-grants");
    }

    @Test
    void progressCarriesRateThrottlesListingsAndAnEstimate() {
        SyncProgress progress = new SyncProgress(
                SyncPhase.GRANTS, 3, 14, 100, 20, 500, 200, 4, 30, 10, 0, 0, java.time.Duration.ofSeconds(10));

        assertEquals(20.0, progress.callsPerSecond());
        assertEquals(java.util.Optional.of(java.time.Duration.ofMillis(3330)), progress.remaining());
        assertEquals(
                "sync: grants, types 3/14, 100 resources, 20 entitlements, 500 grants, 200 API calls (20/s),"
                        + " 4 throttled, listings 30 done/10 queued, 10s, about 3s left",
                progress.render());
        assertEquals(4L, progress.fields().get("throttled"));
        SyncProgress accounts = new SyncProgress(
                SyncPhase.RESOURCES,
                3,
                14,
                100,
                20,
                500,
                200,
                4,
                30,
                10,
                0,
                0,
                java.time.Duration.ofSeconds(10),
                57,
                192);
        assertTrue(accounts.render().startsWith("sync: resources, accounts 57/192, types 3/14, "), accounts.render());
        assertEquals(
                List.of("phase", "accounts_done", "accounts_total", "types_done"),
                List.copyOf(accounts.fields().keySet()).subList(0, 4));
        SyncProgress expanding = new SyncProgress(
                SyncPhase.GRANT_EXPANSION, 14, 14, 100, 20, 900, 200, 4, 40, 0, 1, 4, java.time.Duration.ofSeconds(20));
        assertTrue(expanding.render().startsWith("sync: grant expansion 1/4 layers, "), expanding.render());
        assertEquals(4, expanding.fields().get("expansion_layers"));
        assertEquals(60L, expanding.fields().get("eta_seconds"));
    }
}
