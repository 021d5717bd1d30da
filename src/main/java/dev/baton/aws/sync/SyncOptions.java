package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.OutputConfig;
import java.time.Duration;
import java.util.Set;

/**
 * How the engine runs one sync.
 *
 * @param workers            units of work (one page of one listing) run at once; 1 runs one page at a time
 * @param expansionMaxDepth  longest chain of expandable grants accepted (the SDK's
 *                           {@code BATON_GRAPH_EXPAND_MAX_DEPTH}, default 20); deeper graphs fail the sync
 * @param progressInterval   how often a progress line is reported while the sync runs
 * @param resourceTypes      {@code --sync-resource-types}: the types to sync; empty means every registered type
 * @param selection          which entitlement and grant listings run ({@code --sync-resources}, the skip flags)
 * @param accountTypes       resource types whose resources progress lines count as accounts, done and in all
 *                           (resources of these types with the same id are one account); empty: none
 */
public record SyncOptions(
        int workers,
        int expansionMaxDepth,
        Duration progressInterval,
        Set<String> resourceTypes,
        SyncSelection selection,
        Set<String> accountTypes,
        Duration checkpointInterval) {
    public static final int DEFAULT_EXPANSION_MAX_DEPTH = 20;

    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(5);

    public SyncOptions {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (expansionMaxDepth < 1) {
            throw new IllegalArgumentException("expansionMaxDepth must be >= 1, got " + expansionMaxDepth);
        }
        requireNonNull(progressInterval, "progressInterval is null");
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive, got " + progressInterval);
        }
        resourceTypes = Set.copyOf(requireNonNull(resourceTypes, "resourceTypes is null"));
        requireNonNull(selection, "selection is null");
        accountTypes = Set.copyOf(requireNonNull(accountTypes, "accountTypes is null"));
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("checkpointInterval must not be negative, got " + checkpointInterval);
        }
    }

    public SyncOptions(int workers, int expansionMaxDepth, Duration progressInterval, Set<String> resourceTypes) {
        this(
                workers,
                expansionMaxDepth,
                progressInterval,
                resourceTypes,
                SyncSelection.everything(),
                Set.of(),
                OutputConfig.DEFAULT_CHECKPOINT_INTERVAL);
    }

    /** 8 workers, depth 20, a progress line every 5 s, every resource type. */
    public static SyncOptions defaults() {
        return new SyncOptions(
                OutputConfig.DEFAULT_WORKERS, DEFAULT_EXPANSION_MAX_DEPTH, DEFAULT_PROGRESS_INTERVAL, Set.of());
    }

    public SyncOptions withWorkers(int count) {
        return new SyncOptions(
                count, expansionMaxDepth, progressInterval, resourceTypes, selection, accountTypes, checkpointInterval);
    }

    public SyncOptions withExpansionMaxDepth(int depth) {
        return new SyncOptions(
                workers, depth, progressInterval, resourceTypes, selection, accountTypes, checkpointInterval);
    }

    public SyncOptions withProgressInterval(Duration interval) {
        return new SyncOptions(
                workers, expansionMaxDepth, interval, resourceTypes, selection, accountTypes, checkpointInterval);
    }

    public SyncOptions withResourceTypes(Set<String> types) {
        return new SyncOptions(
                workers, expansionMaxDepth, progressInterval, types, selection, accountTypes, checkpointInterval);
    }

    public SyncOptions withSelection(SyncSelection newSelection) {
        return new SyncOptions(
                workers,
                expansionMaxDepth,
                progressInterval,
                resourceTypes,
                newSelection,
                accountTypes,
                checkpointInterval);
    }

    public SyncOptions withAccountTypes(Set<String> types) {
        return new SyncOptions(
                workers, expansionMaxDepth, progressInterval, resourceTypes, selection, types, checkpointInterval);
    }

    /** {@code Duration.ZERO} commits after every page (tests that kill a sync at a page). */
    public SyncOptions withCheckpointInterval(Duration interval) {
        return new SyncOptions(
                workers, expansionMaxDepth, progressInterval, resourceTypes, selection, accountTypes, interval);
    }

    boolean includes(String resourceTypeId) {
        return resourceTypes.isEmpty() || resourceTypes.contains(resourceTypeId);
    }
}
