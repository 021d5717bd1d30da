package dev.baton.aws.sync;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which unit of work runs next, and how much of each kind is left. Not thread-safe: {@link WorkScheduler} calls it
 * under its lock.
 *
 * <p>Workers are shared fairly between resource types: the next unit comes from the type with the fewest units
 * running (ties: the type registered first), so a type with a long queue (thousands of IAM users' access keys)
 * cannot keep another (Identity Center assignments, bound by a tight rate limit) waiting. Within a type the order
 * is: the next page of a listing in progress (listings finish early), a child resource listing, the top-level
 * resource listing, an entitlement listing, then a grant listing.
 *
 * <p>Grants listed before their principal or entitlement is written wait in the writer's memory. Once more than
 * {@code waitingGrantsLimit} wait, grant listings not yet started are held back until no resource or entitlement
 * work is outstanding (the phase barrier of old), so waiting grants cannot grow with the organization.
 */
final class WorkQueues {
    private final Map<String, TypeQueue> byType = new LinkedHashMap<>();
    /** Per kind: units queued or running plus pages of that kind not yet written. */
    private final Map<WorkKind, Integer> outstanding = new EnumMap<>(WorkKind.class);

    private final int waitingGrantsLimit;
    private int unwrittenPages;
    private long unitsDone;
    private boolean grantsHeld;
    private final AccountTally accounts;

    /** The units of one resource type, and how many of them run. */
    private static final class TypeQueue {
        private final Deque<WorkUnit> nextPages = new ArrayDeque<>();
        private final Deque<WorkUnit> discovered = new ArrayDeque<>();
        private final Deque<WorkUnit> seeds = new ArrayDeque<>();
        private final Deque<WorkUnit> entitlementListings = new ArrayDeque<>();
        private final Deque<WorkUnit> grantListings = new ArrayDeque<>();
        private int running;

        List<Deque<WorkUnit>> inOrder() {
            return List.of(nextPages, discovered, seeds, entitlementListings, grantListings);
        }

        /** The next unit, grant listings only when {@code grantsAllowed}; null when none. */
        WorkUnit peek(boolean grantsAllowed) {
            for (Deque<WorkUnit> queue : inOrder()) {
                if (!queue.isEmpty() && (grantsAllowed || queue != grantListings)) {
                    return queue.peekFirst();
                }
            }
            return null;
        }

        boolean isIdle() {
            return running == 0 && inOrder().stream().allMatch(Deque::isEmpty);
        }
    }

    /**
     * @param seeds the top-level resource listings, one per synced type, in the order to start them
     * @param accountTypes resource types whose resources count as accounts ({@link SyncOptions#accountTypes()})
     */
    WorkQueues(List<WorkUnit> seeds, int waitingGrantsLimit, Set<String> accountTypes) {
        this.waitingGrantsLimit = waitingGrantsLimit;
        this.accounts = new AccountTally(accountTypes);
        for (WorkKind kind : WorkKind.values()) {
            outstanding.put(kind, 0);
        }
        seeds.forEach(seed -> add(queueOf(seed).seeds, seed, false));
    }

    /** The next page of a listing that is running: it goes before everything else of its type. */
    void addNextPage(WorkUnit unit) {
        add(queueOf(unit).nextPages, unit, true);
    }

    /** A child resource listing found while listing resources. */
    void addDiscovered(WorkUnit unit) {
        add(queueOf(unit).discovered, unit, false);
    }

    /** An entitlement or grant listing of a resource that has been written. */
    void addFollowUp(WorkUnit unit) {
        TypeQueue queue = queueOf(unit);
        add(unit.kind() == WorkKind.GRANTS ? queue.grantListings : queue.entitlementListings, unit, false);
    }

    /** The unit to run next, or null when none may run now; a returned unit counts as running until {@link #done}. */
    WorkUnit next() {
        boolean grantsAllowed = !grantsHeld || resourcesAndEntitlementsSettled();
        TypeQueue chosen = null;
        for (TypeQueue queue : byType.values()) {
            if ((chosen == null || queue.running < chosen.running) && queue.peek(grantsAllowed) != null) {
                chosen = queue;
            }
        }
        if (chosen == null) {
            return null;
        }
        WorkUnit unit = chosen.peek(grantsAllowed);
        for (Deque<WorkUnit> queue : chosen.inOrder()) {
            if (queue.peekFirst() == unit) {
                queue.pollFirst();
                break;
            }
        }
        chosen.running++;
        return unit;
    }

    void done(WorkUnit unit) {
        outstanding.merge(unit.kind(), -1, Integer::sum);
        queueOf(unit).running--;
        unitsDone++;
        accounts.unitDone(unit);
    }

    /** Units (pages of listings) finished so far. */
    long unitsDone() {
        return unitsDone;
    }

    /** Units queued or running now; listings found later are not counted yet. */
    long unitsPending() {
        long pending = 0;
        for (TypeQueue queue : byType.values()) {
            pending += queue.running;
            for (Deque<WorkUnit> units : queue.inOrder()) {
                pending += units.size();
            }
        }
        return pending;
    }

    void pageQueued(WriteBatch page) {
        unwrittenPages++;
        outstanding.merge(WorkScheduler.kindOf(page), 1, Integer::sum);
        accounts.pageQueued(page);
    }

    /**
     * A page was written (the listings it starts were added before); {@code waitingGrants} grants now wait for
     * their principal or entitlement.
     */
    void pageWritten(WriteBatch page, int waitingGrants) {
        unwrittenPages--;
        outstanding.merge(WorkScheduler.kindOf(page), -1, Integer::sum);
        accounts.pageWritten(page);
        if (waitingGrants > waitingGrantsLimit) {
            grantsHeld = true;
        }
    }

    /** The child listings of the resources of {@code page} are queued. */
    void childrenScheduled(WriteBatch.Resources page) {
        accounts.childrenScheduled(page);
    }

    /** Accounts with no work left, and accounts listed so far. */
    int accountsDone() {
        return accounts.done();
    }

    int accountsTotal() {
        return accounts.total();
    }

    /** Nothing queued and every page written: with no unit running, the sync's listing is over. */
    boolean drained() {
        return unwrittenPages == 0
                && byType.values().stream()
                        .allMatch(queue -> queue.inOrder().stream().allMatch(Deque::isEmpty));
    }

    /** No resource or entitlement is queued, running or waiting to be written. */
    boolean resourcesAndEntitlementsSettled() {
        return outstanding.get(WorkKind.RESOURCES) == 0 && outstanding.get(WorkKind.ENTITLEMENTS) == 0;
    }

    /**
     * The phase a progress line names: resources while any are outstanding, then grants while any are, else
     * entitlements. Entitlement and grant listings overlap, and grants are where the time goes.
     */
    SyncPhase currentPhase() {
        if (outstanding.get(WorkKind.RESOURCES) > 0) {
            return SyncPhase.RESOURCES;
        }
        return outstanding.get(WorkKind.GRANTS) == 0 && outstanding.get(WorkKind.ENTITLEMENTS) > 0
                ? SyncPhase.ENTITLEMENTS
                : SyncPhase.GRANTS;
    }

    /**
     * Resource types that will get no more work: once no resource or entitlement is outstanding no listing can be
     * discovered or started any more, so a type with nothing queued or running is finished.
     */
    List<String> finishedTypes() {
        if (!resourcesAndEntitlementsSettled()) {
            return List.of();
        }
        List<String> finished = new ArrayList<>();
        byType.forEach((type, queue) -> {
            if (queue.isIdle()) {
                finished.add(type);
            }
        });
        return finished;
    }

    /** Resource types with no listing of any kind queued or running. */
    int typesDone() {
        return (int) byType.values().stream().filter(TypeQueue::isIdle).count();
    }

    int typesTotal() {
        return byType.size();
    }

    private TypeQueue queueOf(WorkUnit unit) {
        return byType.computeIfAbsent(unit.resourceTypeId(), type -> new TypeQueue());
    }

    private void add(Deque<WorkUnit> queue, WorkUnit unit, boolean first) {
        outstanding.merge(unit.kind(), 1, Integer::sum);
        accounts.unitAdded(unit);
        if (first) {
            queue.addFirst(unit);
        } else {
            queue.addLast(unit);
        }
    }
}
