package dev.baton.aws.c1z;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Row counts of one sync.
 *
 * @param resourcesByType resources per {@code resource_type_id}, sorted by type id
 */
public record C1zCounts(
        long resourceTypes, long resources, long entitlements, long grants, SortedMap<String, Long> resourcesByType) {
    public C1zCounts {
        Objects.requireNonNull(resourcesByType, "resourcesByType is null");
        resourcesByType = Collections.unmodifiableSortedMap(new TreeMap<>(resourcesByType));
    }

    static C1zCounts of(long resourceTypes, long entitlements, long grants, Map<String, Long> resourcesByType) {
        long resources = resourcesByType.values().stream().mapToLong(Long::longValue).sum();
        return new C1zCounts(resourceTypes, resources, entitlements, grants, new TreeMap<>(resourcesByType));
    }
}
