package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both ways of reading account assignments give the same grants on the same world. */
class AssignmentStrategyTest {
    private static final Set<String> ASSIGNMENT_TYPES =
            Set.of("sso_user", "sso_group", "account", "permission_set", "permission_set_assignment");

    @RegisterExtension
    static final SimulatorExtension world = SmallWorldRun.simulator();

    private static Result sync(AssignmentStrategy strategy) throws SyncException {
        world.server().stats().reset();
        SmallWorldRun run = new SmallWorldRun(world).strategy(strategy).onlyTypes(ASSIGNMENT_TYPES);
        try {
            Map<String, Grant> grants = run.sync().grants();
            return new Result(grants, world.server().stats().snapshot().calls());
        } finally {
            run.close();
        }
    }

    private record Result(Map<String, Grant> grants, Map<String, Long> calls) {}

    @Test
    void perPairAndPerPrincipalYieldIdenticalGrants() throws SyncException {
        Result perPair = sync(AssignmentStrategy.PER_PAIR);
        Result perPrincipal = sync(AssignmentStrategy.PER_PRINCIPAL);
        assertEquals(perPair.grants(), perPrincipal.grants());
        long assignmentGrants = perPair.grants().keySet().stream()
                .filter(id -> id.startsWith("grant:"))
                .count();
        assertEquals(7 + 7, assignmentGrants, "7 account grants (G7) and 7 binding grants (G8)");

        assertEquals(
                5L,
                perPair.calls().get("sso:ListAccountAssignments"),
                "4 pairs, one of them 2 pages, each listed once for both G7 and G8: " + perPair.calls());
        assertNull(perPair.calls().get("sso:ListAccountAssignmentsForPrincipal"));
        assertNull(perPrincipal.calls().get("sso:ListAccountAssignments"));
        assertEquals(
                7L,
                perPrincipal.calls().get("sso:ListAccountAssignmentsForPrincipal"),
                "one call per user and group (5 + 2): " + perPrincipal.calls());
    }

    @Test
    void upstreamPatternListsEveryPairOncePerGrantKindWithTheSameGrants() throws SyncException {
        Result upstream = sync(AssignmentStrategy.UPSTREAM);
        Result perPair = sync(AssignmentStrategy.PER_PAIR);
        assertEquals(perPair.grants(), upstream.grants());
        assertEquals(
                2 * perPair.calls().get("sso:ListAccountAssignments"),
                upstream.calls().get("sso:ListAccountAssignments"),
                "G7 and G8 each read every page of every pair: " + upstream.calls());
    }

    @Test
    void autoPicksPerPairWhenPairsAreFewerThanPrincipals() throws SyncException {
        Result auto = sync(AssignmentStrategy.AUTO);
        Result perPair = sync(AssignmentStrategy.PER_PAIR);
        assertEquals(perPair.grants(), auto.grants());
        assertTrue(auto.calls().containsKey("sso:ListAccountAssignments"));
        assertFalse(
                auto.calls().containsKey("sso:ListAccountAssignmentsForPrincipal"),
                "4 pairs < 7 principals: " + auto.calls());
        assertEquals(
                2L,
                auto.calls().get("identitystore:ListUsers") - 3,
                "counting principals stops at the pair count (2 pages of 2) on top of the 3 user pages");
    }
}
