package dev.baton.aws.sync.expand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The entitlement graph with every cycle collapsed into one node (the SDK's FixCycles), ordered into layers.
 * A node's layer is the length of the longest path reaching it, so when layer k runs, every grant of its sources
 * is final. Inside a collapsed node nothing flows between members; edges into it reach every member and edges
 * out of it leave from every member, folded with {@link EdgeSpec#widen}.
 */
final class ExpansionPlan {
    private final List<List<String>> membersOfComponent;
    private final Map<Long, EdgeSpec> condensedEdges;
    private final int[] level;
    private final List<List<Long>> edgesBySourceLevel;
    private final int collapsedCycles;

    private ExpansionPlan(
            List<List<String>> membersOfComponent,
            Map<Long, EdgeSpec> condensedEdges,
            int[] level,
            List<List<Long>> edgesBySourceLevel,
            int collapsedCycles) {
        this.membersOfComponent = membersOfComponent;
        this.condensedEdges = condensedEdges;
        this.level = level;
        this.edgesBySourceLevel = edgesBySourceLevel;
        this.collapsedCycles = collapsedCycles;
    }

    static ExpansionPlan of(EntitlementGraph graph) {
        StronglyConnectedComponents components = StronglyConnectedComponents.of(graph.adjacency());
        int count = components.componentCount();
        List<List<String>> members = new ArrayList<>(count);
        for (int component = 0; component < count; component++) {
            members.add(new ArrayList<>(1));
        }
        for (int node = 0; node < graph.nodeCount(); node++) {
            members.get(components.component(node)).add(graph.entitlementId(node));
        }
        members.forEach(list -> list.sort(Comparator.naturalOrder()));
        int collapsed = 0;
        Map<Long, EdgeSpec> condensed = new HashMap<>();
        for (Map.Entry<Long, EdgeSpec> edge : graph.edges().entrySet()) {
            int from = components.component(EntitlementGraph.source(edge.getKey()));
            int to = components.component(EntitlementGraph.destination(edge.getKey()));
            if (from != to) {
                condensed.merge(EntitlementGraph.pack(from, to), edge.getValue(), EdgeSpec::widen);
            } else if (members.get(from).size() == 1) {
                collapsed++; // a self-loop: a cycle of one, dropped like every edge inside a cycle
            }
        }
        for (List<String> list : members) {
            collapsed += list.size() > 1 ? 1 : 0;
        }
        int[] level = levels(count, condensed);
        return new ExpansionPlan(members, condensed, level, bySourceLevel(condensed, level), collapsed);
    }

    /** Longest-path layering; Tarjan numbers components so that every edge goes from a higher to a lower number. */
    private static int[] levels(int count, Map<Long, EdgeSpec> condensed) {
        List<List<Integer>> outgoing = new ArrayList<>(count);
        for (int component = 0; component < count; component++) {
            outgoing.add(new ArrayList<>(0));
        }
        condensed
                .keySet()
                .forEach(key -> outgoing.get(EntitlementGraph.source(key)).add(EntitlementGraph.destination(key)));
        int[] level = new int[count];
        for (int component = count - 1; component >= 0; component--) {
            for (int next : outgoing.get(component)) {
                level[next] = Math.max(level[next], level[component] + 1);
            }
        }
        return level;
    }

    private static List<List<Long>> bySourceLevel(Map<Long, EdgeSpec> condensed, int[] level) {
        List<List<Long>> layers = new ArrayList<>();
        for (long key : condensed.keySet()) {
            int layer = level[EntitlementGraph.source(key)];
            while (layers.size() <= layer) {
                layers.add(new ArrayList<>());
            }
            layers.get(layer).add(key);
        }
        return layers;
    }

    /** The length of the longest path; the SDK refuses graphs deeper than its max depth. */
    int depth() {
        int depth = 0;
        for (int value : level) {
            depth = Math.max(depth, value);
        }
        return depth;
    }

    /** An entitlement at the end of a longest path, to name in the depth error. */
    String deepestEntitlement() {
        int deepest = 0;
        for (int component = 0; component < level.length; component++) {
            if (level[component] > level[deepest]) {
                deepest = component;
            }
        }
        return level.length == 0 ? "" : membersOfComponent.get(deepest).get(0);
    }

    int layerCount() {
        return edgesBySourceLevel.size();
    }

    int edgeCount() {
        return condensedEdges.size();
    }

    int collapsedCycles() {
        return collapsedCycles;
    }

    /** Destination entitlement → its inflows in this layer, both sorted by entitlement id for a stable output. */
    SortedMap<String, List<Inflow>> layer(int layer) {
        SortedMap<String, List<Inflow>> byDestination = new TreeMap<>();
        for (long key : edgesBySourceLevel.get(layer)) {
            EdgeSpec spec = condensedEdges.get(key);
            List<String> sources = membersOfComponent.get(EntitlementGraph.source(key));
            for (String destination : membersOfComponent.get(EntitlementGraph.destination(key))) {
                List<Inflow> inflows = byDestination.computeIfAbsent(destination, d -> new ArrayList<>());
                sources.forEach(source -> inflows.add(new Inflow(source, spec)));
            }
        }
        byDestination.values().forEach(list -> list.sort(Comparator.comparing(Inflow::sourceEntitlementId)));
        return byDestination;
    }
}
