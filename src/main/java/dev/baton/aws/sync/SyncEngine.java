package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.ApiCallStats;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.sync.expand.ExpansionResult;
import dev.baton.aws.sync.expand.GrantExpander;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one full sync (docs/architecture.md): resource types, then resources (top level per type, then the children each
 * resource names with {@code ChildResourceType}), entitlements and grants, then grant expansion. Resources,
 * entitlements and grants are listed without barriers between them: a resource's entitlement and grant listings
 * are queued as soon as it is written, behind any resource listing still waiting, so a service with little to list
 * (IAM of one account) does not leave an expensive one (Identity Center) idle. The writer checks what it can at once
 * and the rest once no resource or entitlement can arrive any more; expansion starts after everything is written.
 *
 * <p>Pages are fetched by {@link SyncOptions#workers()} threads and written by the calling thread, which alone
 * touches the {@link SyncStore}; a bounded queue between them keeps memory flat when the store is the bottleneck.
 * The first {@link SyncException} of any unit cancels the rest and fails the run with its message. The set of rows
 * written does not depend on the number of workers.
 *
 * <p>An engine runs once.
 */
public final class SyncEngine {
    private static final Logger log = LoggerFactory.getLogger(SyncEngine.class);
    /** Upper bound on how late a failure or a progress line is noticed while no page arrives. */
    private static final long POLL_MILLIS = 100;
    /** Grants kept in memory until their principal or entitlement is written; see {@link WorkQueues}. */
    private static final int WAITING_GRANTS_LIMIT = 20_000;

    private final Map<String, ResourceSyncer> syncersByType;
    private final Set<String> listingsDoneTold = new HashSet<>();
    private final SyncStore store;
    private final SyncOptions options;
    private final WarningCollector warnings;
    private final ApiCallStats apiCalls;
    private final ProgressSink progress;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Set<String> startedChildListings = ConcurrentHashMap.newKeySet();
    private SyncWriter writer;
    /** Where progress is kept ({@link SyncCheckpoint#NONE} for a store that cannot resume). */
    private SyncCheckpoint checkpoint = SyncCheckpoint.NONE;
    /** What an earlier run of this sync finished; empty for a new sync. */
    private ListingProgress ledger = ListingProgress.NONE;

    private Instant lastCommit;
    private Instant start;
    private Instant lastProgress;
    /** Grants created by expansion so far, for progress lines during the last phase. */
    private long expandedSoFar;

    private int layersDone;
    private int layers;
    /** The scheduler of the listing phase, for its counts of listings done and queued; null before and after. */
    private WorkScheduler listing;
    /** Accounts done and in all, as the listing phase last counted them (kept for lines during expansion). */
    private int[] accounts = new int[2];

    public SyncEngine(
            List<ResourceSyncer> syncers,
            SyncStore store,
            SyncOptions options,
            WarningCollector warnings,
            ApiCallStats apiCalls,
            ProgressSink progress,
            Clock clock) {
        this.syncersByType = byType(requireNonNull(syncers, "syncers is null"));
        this.store = requireNonNull(store, "store is null");
        this.options = requireNonNull(options, "options is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.apiCalls = requireNonNull(apiCalls, "apiCalls is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Syncs everything into the store and expands grants; the caller then finishes and closes the store. */
    public SyncSummary run() throws SyncException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a SyncEngine runs once");
        }
        start = clock.instant();
        lastProgress = start;
        Map<String, ResourceSyncer> synced = syncedSyncers();
        syncersByType.forEach((type, syncer) -> {
            if (!synced.containsKey(type)) {
                listingsDone(type, syncer);
            }
        });
        writer = new SyncWriter(store, typesOf(synced), warnings);
        lastCommit = start;
        try {
            checkpoint = store.checkpoint();
            if (checkpoint.resumed()) {
                ledger = checkpoint.listings();
                writer.restoreFrom(checkpoint);
            }
            writer.writeResourceTypes(
                    synced.values().stream().map(ResourceSyncer::resourceType).toList());
            report(SyncPhase.RESOURCE_TYPES, 0, synced.size()); // at once, so a watcher sees the sync has started
            listAll(synced);
            ExpansionResult expansion = expand(synced.size());
            return summary(expansion);
        } catch (RuntimeException e) {
            throw new SyncException("writing the sync failed: " + e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            throw new SyncException("the JVM ran out of memory", e);
        }
    }

    private Map<String, ResourceSyncer> syncedSyncers() throws SyncException {
        Set<String> unknown = new TreeSet<>(options.resourceTypes());
        unknown.removeAll(syncersByType.keySet());
        if (!unknown.isEmpty()) {
            throw new SyncException("unknown resource type(s) " + String.join(", ", unknown)
                    + " in --sync-resource-types; known types: "
                    + String.join(", ", new TreeSet<>(syncersByType.keySet())));
        }
        Map<String, ResourceSyncer> synced = new LinkedHashMap<>();
        syncersByType.forEach((type, syncer) -> {
            if (options.includes(type)) {
                synced.put(type, syncer);
            }
        });
        return synced;
    }

    private List<WorkUnit> resourceSeeds(Map<String, ResourceSyncer> synced) {
        ResourceListing.ChildListings children =
                (childType, parent, parentAccount) -> childListing(synced, childType, parent, parentAccount);
        List<WorkUnit> seeds = new ArrayList<>();
        synced.forEach((type, syncer) -> {
            String key = ListingKeys.resources(type, null);
            if (!ledger.isDone(key)) {
                seeds.add(new ResourceListing(syncer, null, ledger.token(key), children, null));
            }
        });
        return seeds;
    }

    /**
     * Each (child type, parent) listing starts once, even when the parent was listed twice. The listing belongs to
     * the parent when the parent is an account, else to the account the parent belongs to.
     */
    private WorkUnit childListing(
            Map<String, ResourceSyncer> synced, String childType, ResourceId parent, String parentAccount) {
        ResourceSyncer syncer = synced.get(childType);
        if (syncer == null
                || !startedChildListings.add(
                        childType + "\u0000" + parent.getResourceType() + "\u0000" + parent.getResource())) {
            return null; // not synced in this run (filtered, or no syncer provides it)
        }
        String key = ListingKeys.resources(childType, parent);
        if (ledger.isDone(key)) {
            return null; // an earlier run of this sync wrote it whole
        }
        String account = accountOf(parent.getResourceType(), parent.getResource(), parentAccount);
        return new ResourceListing(
                syncer,
                parent,
                ledger.token(key),
                (grandchildType, grandparent, grandparentAccount) ->
                        childListing(synced, grandchildType, grandparent, grandparentAccount),
                account);
    }

    /** The account a resource is (when its type is an account type), else {@code inherited}. */
    private String accountOf(String resourceTypeId, String resourceId, String inherited) {
        return options.accountTypes().contains(resourceTypeId) ? resourceId : inherited;
    }

    /** Drains the writer queue on this thread until every listing has finished and been written. */
    private void listAll(Map<String, ResourceSyncer> synced) throws SyncException {
        BlockingQueue<WriteBatch> queue = new ArrayBlockingQueue<>(Math.max(16, 4 * options.workers()));
        WorkScheduler scheduler =
                new WorkScheduler(resourceSeeds(synced), WAITING_GRANTS_LIMIT, options.accountTypes(), queue);
        FollowUps followUps = new FollowUps(synced, options.selection(), options.accountTypes(), ledger, store);
        if (checkpoint.resumed()) {
            scheduler.resume(resumedListings(synced, followUps));
        }
        listing = scheduler;
        scheduler.start(options.workers());
        try {
            while (true) {
                SyncException failure = scheduler.failure();
                if (failure != null) {
                    throw new SyncException(failure.getMessage(), failure);
                }
                WriteBatch batch = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (batch != null && !(batch instanceof WriteBatch.PhaseEnd)) {
                    List<WorkUnit> started = followUps.of(writer.write(batch), batch.account());
                    if (batch.listing() != null) {
                        checkpoint.putListingState(batch.listing(), batch.next());
                    }
                    scheduler.pageWritten(batch, started, writer.waitingGrants());
                    scheduler.finishedTypes().forEach(type -> listingsDone(type, synced.get(type)));
                }
                if (!writer.settled() && scheduler.resourcesAndEntitlementsSettled()) {
                    writer.settle();
                }
                if (scheduler.isFinished() && scheduler.failure() == null) {
                    writer.settle();
                    synced.forEach(this::listingsDone); // types never listed (no parent found) included
                    warnMissingTargets(followUps.targetsFound);
                    checkpoint.commit(); // a run killed while expanding continues with every listing done
                    return;
                }
                maybeCommit();
                maybeReport(scheduler.currentPhase(), scheduler.typesDone(), scheduler.typesTotal());
            }
        } catch (SyncException e) {
            commitQuietly(); // what was written before the failure is kept for the next run
            throw e;
        } catch (OutOfMemoryError e) { // the failed allocation's memory is free again: keep the progress
            commitQuietly();
            throw new SyncException(
                    "the JVM ran out of memory during the "
                            + scheduler.currentPhase().label() + " phase",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(
                    "sync interrupted during the " + scheduler.currentPhase().label() + " phase", e);
        } finally {
            scheduler.cancel();
            accounts = scheduler.accountsDoneAndTotal();
            listing = null;
        }
    }

    /**
     * The listings of a continued sync that are not done: for every resource an earlier run wrote, its child
     * listings and its entitlement and grant listings, each from the page the checkpoint names (or its first);
     * listings the checkpoint marks done are left out (see {@link #childListing} and {@link FollowUps}).
     */
    private List<WorkUnit> resumedListings(Map<String, ResourceSyncer> synced, FollowUps followUps)
            throws SyncException {
        List<WorkUnit> units = new ArrayList<>();
        Map<String, String> accountOfResource = new HashMap<>();
        SyncException[] failure = new SyncException[1];
        long[] restored = new long[1];
        checkpoint.forEachResource(resource -> {
            if (failure[0] != null) {
                return;
            }
            ResourceId id = resource.getId();
            String listingAccount = resource.hasParentResourceId()
                    ? accountOfResource.get(Ids.resourceKey(resource.getParentResourceId()))
                    : null;
            String account = accountOf(id.getResourceType(), id.getResource(), listingAccount);
            if (account != null) {
                accountOfResource.put(Ids.resourceKey(id), account);
            }
            Optional<SyncWriter.NewResource> restoredResource = writer.restore(resource);
            if (restoredResource.isEmpty()) {
                return;
            }
            restored[0]++;
            units.addAll(followUps.of(List.of(restoredResource.get()), listingAccount));
            try {
                for (String childType : ResourceListing.childTypes(resource, "continuing the sync")) {
                    WorkUnit child = childListing(synced, childType, id, listingAccount);
                    if (child != null) {
                        units.add(child);
                    }
                }
            } catch (SyncException e) {
                failure[0] = e;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        log.info(
                "continuing an unfinished sync: {} listings done, {} part-way, {} resources written before",
                ledger.done().size(),
                ledger.next().size(),
                restored[0]);
        return units;
    }

    /** Tells a syncer, once, that its listings are over ({@link ResourceSyncer#listingsDone()}). */
    private void listingsDone(String type, ResourceSyncer syncer) {
        if (listingsDoneTold.add(type)) {
            syncer.listingsDone();
        }
    }

    private void maybeCommit() {
        Instant now = clock.instant();
        if (Duration.between(lastCommit, now).compareTo(options.checkpointInterval()) >= 0) {
            checkpoint.commit();
            lastCommit = now;
        }
    }

    private void commitQuietly() {
        try {
            checkpoint.commit();
        } catch (RuntimeException e) {
            log.debug("could not keep the progress of the failed sync", e);
        }
    }

    /** The entitlement and grant listings a newly written resource starts, unless its type skips them. */
    private static final class FollowUps {
        private final Map<String, ResourceSyncer> synced;
        private final SyncSelection selection;
        private final Set<String> listEntitlements = new HashSet<>();
        private final Set<String> listGrants = new HashSet<>();
        private final Set<String> accountTypes;
        private final ListingProgress ledger;
        private final SyncStore store;

        FollowUps(
                Map<String, ResourceSyncer> synced,
                SyncSelection selection,
                Set<String> accountTypes,
                ListingProgress ledger,
                SyncStore store) {
            this.synced = synced;
            this.store = store;
            this.selection = selection;
            this.accountTypes = accountTypes;
            this.ledger = ledger;
            synced.forEach((type, syncer) -> {
                List<Any> annotations = syncer.resourceType().getAnnotationsList();
                if (!EntitlementListing.skips(annotations)) {
                    listEntitlements.add(type);
                }
                if (!GrantListing.skips(annotations)) {
                    listGrants.add(type);
                }
            });
        }

        /** Targets of {@code --sync-resources} that were listed. */
        final Set<String> targetsFound = new HashSet<>();

        /** @param pageAccount the account of the listing that listed {@code resources} */
        List<WorkUnit> of(List<SyncWriter.NewResource> resources, String pageAccount) {
            List<WorkUnit> units = new ArrayList<>(2 * resources.size());
            for (SyncWriter.NewResource resource : resources) {
                ResourceSyncer syncer = synced.get(resource.resourceTypeId());
                if (selection.targets().contains(resource.key())) {
                    targetsFound.add(resource.key());
                }
                String account = accountTypes.contains(resource.resourceTypeId())
                        ? resource.key().substring(resource.resourceTypeId().length() + 1)
                        : pageAccount;
                if (listEntitlements.contains(resource.resourceTypeId())
                        && selection.listsEntitlements(resource.key())) {
                    add(units, syncer, WorkKind.ENTITLEMENTS, resource, account);
                }
                if (listGrants.contains(resource.resourceTypeId()) && selection.listsGrants(resource.key())) {
                    add(units, syncer, WorkKind.GRANTS, resource, account);
                }
            }
            return units;
        }

        /** Queues the listing unless an earlier run of this sync wrote it whole. */
        private void add(
                List<WorkUnit> units,
                ResourceSyncer syncer,
                WorkKind kind,
                SyncWriter.NewResource resource,
                String account) {
            String key = ListingKeys.of(kind, resource.key());
            if (!ledger.isDone(key)) {
                units.add(new QueuedListing(syncer, kind, resource.id(), account, ledger.token(key), store));
            }
        }
    }

    private void warnMissingTargets(Set<String> found) {
        for (String target : new TreeSet<>(options.selection().targets())) {
            if (!found.contains(target)) {
                warnings.warn("--sync-resources: no resource " + target + " was listed; nothing synced for it");
            }
        }
    }

    private ExpansionResult expand(int typeCount) throws SyncException {
        if (!writer.expandableSeen() || !options.selection().expands()) {
            return ExpansionResult.none();
        }
        report(SyncPhase.GRANT_EXPANSION, typeCount, typeCount);
        GrantExpander expander =
                new GrantExpander(store, warnings, options.expansionMaxDepth(), (done, total, created) -> {
                    expandedSoFar = created;
                    layersDone = done;
                    layers = total;
                    maybeReport(SyncPhase.GRANT_EXPANSION, typeCount, typeCount);
                });
        return expander.expand();
    }

    private void maybeReport(SyncPhase phase, int typesDone, int typesTotal) {
        Instant now = clock.instant();
        if (Duration.between(lastProgress, now).compareTo(options.progressInterval()) >= 0) {
            report(phase, typesDone, typesTotal);
        }
    }

    private void report(SyncPhase phase, int typesDone, int typesTotal) {
        Instant now = clock.instant();
        lastProgress = now;
        long calls = apiCalls.callsByService().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        long[] units = listing == null ? new long[2] : listing.unitsDoneAndPending();
        if (listing != null) {
            accounts = listing.accountsDoneAndTotal();
        }
        progress.progress(new SyncProgress(
                phase,
                typesDone,
                typesTotal,
                writer.resourcesWritten(),
                writer.entitlementsWritten(),
                writer.grantsWritten() + expandedSoFar,
                calls,
                apiCalls.throttled(),
                units[0],
                units[1],
                layersDone,
                layers,
                Duration.between(start, now),
                accounts[0],
                accounts[1]));
    }

    private SyncSummary summary(ExpansionResult expansion) {
        StoreCounts counts = store.counts();
        return new SyncSummary(
                counts.resourceTypes(),
                counts.resourcesByType(),
                counts.entitlements(),
                counts.grants() - expansion.grantsCreated(),
                expansion.grantsCreated(),
                expansion.grantsUpdated(),
                warnings.count(),
                warnings.firstMessages(),
                new TreeMap<>(apiCalls.callsByService()),
                apiCalls.throttled(),
                apiCalls.retries(),
                Duration.between(start, clock.instant()));
    }

    private static Map<String, ResourceSyncer> byType(List<ResourceSyncer> syncers) {
        Map<String, ResourceSyncer> byType = new LinkedHashMap<>();
        for (ResourceSyncer syncer : syncers) {
            String type = syncer.resourceType().getId();
            if (byType.putIfAbsent(type, syncer) != null) {
                throw new IllegalArgumentException("two syncers for resource type " + type);
            }
        }
        return byType;
    }

    private static Map<String, ResourceType> typesOf(Map<String, ResourceSyncer> synced) {
        Map<String, ResourceType> types = new LinkedHashMap<>();
        synced.forEach((type, syncer) -> types.put(type, syncer.resourceType()));
        return types;
    }
}
