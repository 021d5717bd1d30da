package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Accounts are parented only under roots and OUs the sync emits; a role without hierarchy rights gets flat ones. */
class AccountHierarchyTest {
    private static final Set<String> HIERARCHY_TYPES = Set.of("organization", "organizational_unit", "account");

    @RegisterExtension
    static final SimulatorExtension world = SmallWorldRun.simulator();

    private static SmallWorldRun run(String key, Set<String> types) {
        return new SmallWorldRun(world).as(key, "limited-secret").onlyTypes(types);
    }

    @Test
    void deniedHierarchyGivesFlatAccountsAndOneWarning() throws SyncException {
        SmallWorldRun run = run("AKIASSOTESTNOHIERARC", HIERARCHY_TYPES);
        SyncDriver sync = run.sync();
        run.close();
        assertEquals(List.of(), sync.resources("organization"));
        assertEquals(List.of(), sync.resources("organizational_unit"));
        List<Resource> accounts = sync.resources("account");
        assertEquals(3, accounts.size());
        accounts.forEach(account ->
                assertFalse(account.hasParentResourceId(), account.getId().getResource()));
        assertEquals(1, run.warnings.size(), run.warnings.toString());
        assertTrue(
                run.warnings.get(0).startsWith("organizations:ListRoots: AccessDeniedException"), run.warnings.get(0));
    }

    @Test
    void deniedListParentsGivesFlatAccountsUnderASyncedRootAndOneWarning() throws SyncException {
        SmallWorldRun run = run("AKIASSOTESTNOPARENTS", HIERARCHY_TYPES);
        SyncDriver sync = run.sync();
        run.close();
        assertEquals(1, sync.resources("organization").size());
        assertEquals(3, sync.resources("organizational_unit").size());
        sync.resources("account").forEach(account -> assertFalse(account.hasParentResourceId()));
        assertEquals(1, run.warnings.size(), run.warnings.toString());
        assertTrue(run.warnings.get(0).contains("organizations:ListParents"), run.warnings.get(0));
    }

    @Test
    void withoutOrganizationalUnitsAccountsInOusStayFlatAndRootAccountsKeepTheRoot() throws SyncException {
        SmallWorldRun run = new SmallWorldRun(world).onlyTypes(Set.of("organization", "account"));
        SyncDriver sync = run.sync();
        run.close();
        assertEquals(
                "organization",
                sync.resource("account", "111111111111").getParentResourceId().getResourceType());
        assertFalse(sync.resource("account", "222222222222").hasParentResourceId());
        assertTrue(run.warnings.isEmpty(), run.warnings.toString());
    }

    @Test
    void withoutOrganizationTypeNoListParentsIsCalled() throws SyncException {
        world.server().stats().reset();
        SmallWorldRun run = new SmallWorldRun(world).onlyTypes(Set.of("account"));
        SyncDriver sync = run.sync();
        run.close();
        sync.resources("account").forEach(account -> assertFalse(account.hasParentResourceId()));
        assertFalse(world.server().stats().snapshot().calls().containsKey("organizations:ListParents"));
    }
}
