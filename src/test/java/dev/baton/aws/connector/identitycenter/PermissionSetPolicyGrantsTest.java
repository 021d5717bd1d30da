package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlementsAndGrants;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The binding policy grant exists only when {@code iam_policy} is synced: without it the policies would reference nothing. */
class PermissionSetPolicyGrantsTest {
    @RegisterExtension
    static final SimulatorExtension world = SmallWorldRun.simulator();

    private static ResourceSyncer permissionSetSyncer(SmallWorldRun run) {
        return run.syncers().stream()
                .filter(s -> s.resourceType().getId().equals("permission_set"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void withoutIamPolicyThePermissionSetTypeSkipsGrants() throws SyncException {
        SmallWorldRun run = new SmallWorldRun(world).onlyTypes(Set.of("permission_set"));
        ResourceType type = permissionSetSyncer(run).resourceType();
        assertTrue(Annotations.has(type.getAnnotationsList(), SkipEntitlementsAndGrants.class));
        SyncDriver sync = new SyncDriver(List.of(permissionSetSyncer(run))).run();
        run.close();
        assertEquals(4, sync.resources("permission_set").size());
        assertEquals(0, sync.grants().size());
    }

    @Test
    void withIamPolicyManagedPoliciesBecomeGrants() throws SyncException {
        SmallWorldRun run = new SmallWorldRun(world).onlyTypes(Set.of("permission_set", "iam_policy"));
        ResourceSyncer syncer = permissionSetSyncer(run);
        assertFalse(Annotations.has(syncer.resourceType().getAnnotationsList(), SkipEntitlementsAndGrants.class));
        SyncDriver sync = new SyncDriver(List.of(syncer)).run();
        run.close();
        assertEquals(2, sync.grants().size(), sync.grants().keySet().toString());
    }
}
