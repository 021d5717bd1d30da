package dev.baton.aws.c1z;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Row counts of one sync.
 *
 * @param resourcesByType resources per {@code resource_type_id}, sorted by type id; types without resources
 *     map to 0
 */
public record C1zCounts(
        long resourceTypes, long resources, long entitlements, long grants, SortedMap<String, Long> resourcesByType) {
    public C1zCounts {
        Objects.requireNonNull(resourcesByType, "resourcesByType is null");
        resourcesByType = Collections.unmodifiableSortedMap(new TreeMap<>(resourcesByType));
    }

    /** Every resource type appears in {@code resourcesByType}, with 0 when it has no resources. */
    static C1zCounts of(
            List<String> resourceTypeIds, long entitlements, long grants, Map<String, Long> resourcesByType) {
        SortedMap<String, Long> perType = new TreeMap<>(resourcesByType);
        resourceTypeIds.forEach(id -> perType.putIfAbsent(id, 0L));
        long resources =
                resourcesByType.values().stream().mapToLong(Long::longValue).sum();
        return new C1zCounts(resourceTypeIds.size(), resources, entitlements, grants, perType);
    }
}
