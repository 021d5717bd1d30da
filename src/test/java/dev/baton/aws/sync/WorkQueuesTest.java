package dev.baton.aws.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkQueuesTest {
    /** A unit that only names itself; the queues never run units. */
    private record Unit(String name, String resourceTypeId, WorkKind kind, String account) implements WorkUnit {
        Unit(String name, String resourceTypeId, WorkKind kind) {
            this(name, resourceTypeId, kind, null);
        }

        @Override
        public String describe() {
            return name;
        }

        @Override
        public void run(Context context) {
            throw new AssertionError("WorkQueues must not run units");
        }
    }

    private static Unit unit(String name, WorkKind kind) {
        return new Unit(name, "user", kind);
    }

    private static final Resource USER = Resource.newBuilder()
            .setId(ResourceId.newBuilder().setResourceType("user").setResource("ada"))
            .build();

    /** An empty page of {@code kind}. */
    private static WriteBatch page(WorkKind kind) {
        return switch (kind) {
            case RESOURCES -> new WriteBatch.Resources("user", null, List.of());
            case ENTITLEMENTS -> new WriteBatch.Entitlements(USER, List.of());
            case GRANTS -> new WriteBatch.Grants(USER, List.of());
        };
    }

    @Test
    void resourcesComeFirstThenEntitlementsThenGrants() {
        Unit seedA = unit("seed-a", WorkKind.RESOURCES);
        Unit seedB = unit("seed-b", WorkKind.RESOURCES);
        WorkQueues queues = new WorkQueues(List.of(seedA, seedB), 10, Set.of());
        Unit grant = unit("grant", WorkKind.GRANTS);
        Unit entitlement = unit("entitlement", WorkKind.ENTITLEMENTS);
        queues.addFollowUp(grant);
        queues.addFollowUp(entitlement);
        Unit child = unit("child", WorkKind.RESOURCES);
        queues.addDiscovered(child);
        Unit nextPage = unit("next-page", WorkKind.GRANTS);
        queues.addNextPage(nextPage);

        assertEquals(
                List.of(nextPage, child, seedA, seedB, entitlement, grant),
                List.of(queues.next(), queues.next(), queues.next(), queues.next(), queues.next(), queues.next()));
        assertNull(queues.next());
    }

    @Test
    void theTypeWithFewestRunningUnitsGoesNextWhateverItsKind() {
        Unit users = new Unit("users", "user", WorkKind.RESOURCES);
        Unit roles = new Unit("roles", "role", WorkKind.RESOURCES);
        WorkQueues queues = new WorkQueues(List.of(users, roles), 10, Set.of());
        Unit moreUsers = new Unit("users-page-2", "user", WorkKind.RESOURCES);
        Unit roleGrants = new Unit("role-grants", "role", WorkKind.GRANTS);

        assertSame(users, queues.next(), "no type runs anything: the first registered goes first");
        queues.addNextPage(moreUsers);
        assertSame(roles, queues.next(), "users run one unit, roles none");
        queues.addFollowUp(roleGrants);
        assertSame(moreUsers, queues.next(), "one each running: the first registered type");
        queues.done(roles);
        assertSame(
                roleGrants, queues.next(), "roles run nothing now, users two: a grant listing beats a resource page");
    }

    @Test
    void grantsAreHeldOnceMoreThanTheLimitWaitUntilNoResourceOrEntitlementIsOutstanding() {
        Unit seed = unit("seed", WorkKind.RESOURCES);
        WorkQueues queues = new WorkQueues(List.of(seed), 2, Set.of());
        Unit firstGrants = unit("first-grants", WorkKind.GRANTS);
        Unit secondGrants = unit("second-grants", WorkKind.GRANTS);
        queues.addFollowUp(firstGrants);
        queues.addFollowUp(secondGrants);

        assertSame(seed, queues.next());
        assertSame(firstGrants, queues.next(), "2 waiting grants are within the limit");
        queues.pageQueued(page(WorkKind.GRANTS));
        queues.done(firstGrants);
        queues.pageWritten(page(WorkKind.GRANTS), 3);
        assertNull(queues.next(), "3 waiting grants: held while the resource listing runs");
        queues.pageQueued(page(WorkKind.RESOURCES));
        queues.done(seed);
        assertNull(queues.next(), "its page is not written yet");
        assertFalse(queues.resourcesAndEntitlementsSettled());
        queues.pageWritten(page(WorkKind.RESOURCES), 0);
        assertTrue(queues.resourcesAndEntitlementsSettled());
        assertSame(secondGrants, queues.next());
    }

    @Test
    void withoutHoldGrantsRunBesideRunningResourceListings() {
        Unit seed = unit("seed", WorkKind.RESOURCES);
        WorkQueues queues = new WorkQueues(List.of(seed), 10, Set.of());
        Unit grant = unit("grant", WorkKind.GRANTS);
        queues.addFollowUp(grant);

        assertSame(seed, queues.next());
        assertSame(grant, queues.next());
        assertEquals(SyncPhase.RESOURCES, queues.currentPhase());
    }

    @Test
    void progressNamesResourcesThenGrantsWhileEntitlementsOverlapThem() {
        Unit seed = unit("seed", WorkKind.RESOURCES);
        WorkQueues queues = new WorkQueues(List.of(seed), 10, Set.of());
        Unit entitlements = unit("entitlements", WorkKind.ENTITLEMENTS);
        Unit grants = unit("grants", WorkKind.GRANTS);
        queues.addFollowUp(entitlements);
        queues.addFollowUp(grants);
        assertEquals(SyncPhase.RESOURCES, queues.currentPhase());

        queues.done(queues.next());
        assertEquals(SyncPhase.GRANTS, queues.currentPhase(), "entitlements and grants both outstanding");
        queues.next();
        queues.done(queues.next());
        assertEquals(SyncPhase.ENTITLEMENTS, queues.currentPhase(), "only the entitlement listing is left");
    }

    @Test
    void drainedOnlyWhenNothingIsQueuedAndEveryPageIsWritten() {
        Unit seed = unit("seed", WorkKind.RESOURCES);
        WorkQueues queues = new WorkQueues(List.of(seed), 10, Set.of());
        assertFalse(queues.drained());
        assertEquals(0, queues.typesDone());

        queues.next();
        queues.pageQueued(page(WorkKind.RESOURCES));
        queues.done(seed);
        assertFalse(queues.drained(), "a page is on its way to the writer");
        assertEquals(1, queues.typesDone());
        queues.pageWritten(page(WorkKind.RESOURCES), 0);
        assertTrue(queues.drained());
        assertEquals(1, queues.typesTotal());
    }
}
