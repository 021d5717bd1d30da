package dev.baton.aws.sync.expand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expansion graph: one node per entitlement id, one edge per (source, destination) pair. Ids are interned to
 * ints and edges kept in one map keyed by the packed pair, so a few hundred thousand edges stay a few tens of MiB.
 * Parallel edges from the data are folded with {@link EdgeSpec#widen}, which does not depend on arrival order.
 */
final class EntitlementGraph {
    private final Map<String, Integer> nodeByEntitlement = new HashMap<>();
    private final List<String> entitlementByNode = new ArrayList<>();
    private final Map<Long, EdgeSpec> edges = new HashMap<>();

    void addEdge(String sourceEntitlementId, String destinationEntitlementId, EdgeSpec spec) {
        long key = pack(node(sourceEntitlementId), node(destinationEntitlementId));
        edges.merge(key, spec, EdgeSpec::widen);
    }

    int nodeCount() {
        return entitlementByNode.size();
    }

    int edgeCount() {
        return edges.size();
    }

    String entitlementId(int node) {
        return entitlementByNode.get(node);
    }

    Map<Long, EdgeSpec> edges() {
        return edges;
    }

    /** Outgoing adjacency lists, for the SCC pass. */
    int[][] adjacency() {
        int[] degree = new int[nodeCount()];
        edges.keySet().forEach(key -> degree[source(key)]++);
        int[][] adjacency = new int[nodeCount()][];
        for (int node = 0; node < adjacency.length; node++) {
            adjacency[node] = new int[degree[node]];
        }
        int[] filled = new int[nodeCount()];
        edges.keySet().forEach(key -> adjacency[source(key)][filled[source(key)]++] = destination(key));
        return adjacency;
    }

    static long pack(int source, int destination) {
        return ((long) source << 32) | (destination & 0xFFFFFFFFL);
    }

    static int source(long key) {
        return (int) (key >>> 32);
    }

    static int destination(long key) {
        return (int) key;
    }

    private int node(String entitlementId) {
        Integer existing = nodeByEntitlement.get(entitlementId);
        if (existing != null) {
            return existing;
        }
        int created = entitlementByNode.size();
        nodeByEntitlement.put(entitlementId, created);
        entitlementByNode.add(entitlementId);
        return created;
    }
}
