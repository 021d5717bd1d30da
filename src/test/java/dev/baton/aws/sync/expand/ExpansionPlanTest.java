package dev.baton.aws.sync.expand;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class ExpansionPlanTest {
    @Test
    void aVeryLongChainNeedsNoRecursion() {
        EntitlementGraph graph = new EntitlementGraph();
        int length = 100_000;
        for (int index = 0; index < length; index++) {
            graph.addEdge("e" + index, "e" + (index + 1), EdgeSpec.DEEP);
        }

        ExpansionPlan plan = ExpansionPlan.of(graph);

        assertEquals(length, plan.depth());
        assertEquals(length, plan.layerCount());
        assertEquals("e" + length, plan.deepestEntitlement());
    }

    @Test
    void aCycleBecomesOneNodeWhoseMembersAllReceiveAndAllSend() {
        EntitlementGraph graph = new EntitlementGraph();
        graph.addEdge("a", "b", EdgeSpec.SHALLOW);
        graph.addEdge("b", "c", EdgeSpec.DEEP);
        graph.addEdge("c", "b", EdgeSpec.DEEP);
        graph.addEdge("c", "d", EdgeSpec.of(false, List.of("user")));
        graph.addEdge("d", "d", EdgeSpec.DEEP);

        ExpansionPlan plan = ExpansionPlan.of(graph);

        assertEquals(2, plan.collapsedCycles(), "{b, c} and the self-loop on d");
        assertEquals(2, plan.depth());
        SortedMap<String, List<Inflow>> first = plan.layer(0);
        assertEquals(Set.of("b", "c"), first.keySet());
        assertEquals(List.of(new Inflow("a", EdgeSpec.SHALLOW)), first.get("c"));
        SortedMap<String, List<Inflow>> second = plan.layer(1);
        assertEquals(
                List.of(
                        new Inflow("b", EdgeSpec.of(false, List.of("user"))),
                        new Inflow("c", EdgeSpec.of(false, List.of("user")))),
                second.get("d"));
    }

    @Test
    void parallelEdgesFoldToTheWidestSpecInAnyOrder() {
        EdgeSpec shallowUsers = EdgeSpec.of(true, List.of("user"));
        EdgeSpec deepGroups = EdgeSpec.of(false, List.of("group"));

        assertEquals(EdgeSpec.of(false, List.of("group", "user")), shallowUsers.widen(deepGroups));
        assertEquals(shallowUsers.widen(deepGroups), deepGroups.widen(shallowUsers));
        assertEquals(EdgeSpec.SHALLOW, shallowUsers.widen(EdgeSpec.SHALLOW), "no filter admits every type");
        assertEquals(shallowUsers, shallowUsers.widen(EdgeSpec.of(true, List.of(" ", "user"))));
    }
}
