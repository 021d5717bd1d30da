package dev.baton.aws.sync.expand;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How grants flow along one edge of the entitlement graph.
 *
 * @param shallow         only direct holders of the source entitlement propagate
 * @param principalTypes  only holders of these principal types propagate; empty means every type
 */
record EdgeSpec(boolean shallow, SortedSet<String> principalTypes) {
    static final EdgeSpec DEEP = new EdgeSpec(false, new TreeSet<>());
    static final EdgeSpec SHALLOW = new EdgeSpec(true, new TreeSet<>());

    EdgeSpec {
        requireNonNull(principalTypes, "principalTypes is null");
        principalTypes = Collections.unmodifiableSortedSet(new TreeSet<>(principalTypes));
    }

    /** Shares the two common specs so a graph of many edges holds few spec objects. */
    static EdgeSpec of(boolean shallow, List<String> resourceTypeIds) {
        SortedSet<String> types = new TreeSet<>();
        resourceTypeIds.stream().filter(id -> !id.isBlank()).forEach(types::add);
        if (types.isEmpty()) {
            return shallow ? SHALLOW : DEEP;
        }
        return new EdgeSpec(shallow, types);
    }

    /**
     * Folds two specs for the same pair of nodes into the widest one, independent of order: a deep edge admits
     * more than a shallow one, and an unfiltered edge more than any filter (a union of filters would narrow it).
     */
    EdgeSpec widen(EdgeSpec other) {
        boolean mergedShallow = shallow && other.shallow;
        if (principalTypes.isEmpty() || other.principalTypes.isEmpty()) {
            return mergedShallow ? SHALLOW : DEEP;
        }
        SortedSet<String> union = new TreeSet<>(principalTypes);
        union.addAll(other.principalTypes);
        return new EdgeSpec(mergedShallow, union);
    }

    boolean admits(String principalType) {
        return principalTypes.isEmpty() || principalTypes.contains(principalType);
    }
}
