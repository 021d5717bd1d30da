package dev.baton.aws.simulator.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoWorldTest {
    @Test
    void committedExampleIsTheBuiltInDemo() throws IOException {
        assertEquals(Files.readString(Path.of("examples/demo-world.json")), DemoWorld.json());
    }

    @Test
    void demoHasNestedOusASuspendedAccountAndEveryKindOfPermissionSet() {
        World world = DemoWorld.create();
        assertEquals(5, world.accounts().size());
        assertEquals(
                1,
                world.accounts().stream()
                        .filter(a -> a.status().equals("SUSPENDED"))
                        .count());
        assertEquals(
                "ou-acme-workload",
                world.organization().parentOf("ou-acme-prod0001").orElseThrow().id());
        IdentityCenter center = world.identityCenter();
        assertTrue(center.permissionSets().stream()
                .anyMatch(p -> !p.managedPolicies().isEmpty()));
        assertTrue(center.permissionSets().stream()
                .anyMatch(p -> !p.customerManagedPolicies().isEmpty()));
        assertTrue(center.permissionSets().stream().anyMatch(p -> p.inlinePolicy() != null));
        assertEquals(5, center.assignments().size());
        assertEquals(3, world.cloudTrailEvents().size());
    }

    @Test
    void demoConnectionFactsPointAtTheConnectorRole() {
        ConnectorAccess access = ConnectorAccess.find(DemoWorld.create()).orElseThrow();
        assertEquals("AKIADEMOCONNECTOR001", access.accessKeyId());
        assertEquals("arn:aws:iam::111122223333:role/BatonConnector", access.roleArn());
        assertEquals("baton-demo-external-id", access.externalId());
        assertEquals("us-east-1", access.region());
        assertEquals("***", access.secretAccessKey().toString());
    }
}
