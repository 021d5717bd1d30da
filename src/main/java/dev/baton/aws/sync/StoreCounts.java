package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Row counts of one sync in a {@link SyncStore}.
 *
 * @param resourcesByType resources per resource type id, sorted by type id
 */
public record StoreCounts(
        long resourceTypes, long resources, long entitlements, long grants, SortedMap<String, Long> resourcesByType) {
    public StoreCounts {
        resourcesByType = Collections.unmodifiableSortedMap(
                new TreeMap<>(requireNonNull(resourcesByType, "resourcesByType is null")));
    }
}
