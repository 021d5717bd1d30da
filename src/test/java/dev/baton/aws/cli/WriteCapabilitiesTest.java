package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Struct;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.Capability;
import dev.baton.aws.proto.c1.connector.v2.ConnectorCapabilities;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.ResourceTypeCapability;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.Connector;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.ResourceProvisioner;
import dev.baton.aws.spi.ResourceSyncer;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Write capabilities are read off the interfaces each registered provisioner implements. */
class WriteCapabilitiesTest {
    @Test
    void detectsEachWriteInterface() {
        Connector connector = new FakeConnector(List.of(new Groups("group"), new Users("iam_user")));

        Function<String, Set<Capability>> writes = WriteCapabilities.of(connector);

        assertEquals(Set.of(Capability.CAPABILITY_PROVISION), writes.apply("group"));
        assertEquals(
                Set.of(Capability.CAPABILITY_ACCOUNT_PROVISIONING, Capability.CAPABILITY_RESOURCE_DELETE),
                writes.apply("iam_user"));
        assertEquals(Set.of(), writes.apply("role"), "types without a provisioner are sync-only");
    }

    @Test
    void twoProvisionersForOneTypeFailAtStartup() {
        Connector connector = new FakeConnector(List.of(new Groups("group"), new Groups("group")));

        assertThrows(IllegalStateException.class, () -> WriteCapabilities.of(connector));
    }

    @Test
    void capabilitiesReportUsesTheDetectedWrites() {
        Connector connector = new FakeConnector(List.of(new Users("iam_user")));

        ConnectorCapabilities capabilities =
                new CapabilitiesReport(ResourceTypes.ALL, WriteCapabilities.of(connector)).capabilities();

        ResourceTypeCapability iamUser = capabilities.getResourceTypeCapabilities(5);
        assertEquals("iam_user", iamUser.getResourceType().getId());
        assertEquals(
                List.of(
                        Capability.CAPABILITY_SYNC,
                        Capability.CAPABILITY_ACCOUNT_PROVISIONING,
                        Capability.CAPABILITY_RESOURCE_DELETE),
                iamUser.getCapabilitiesList());
        assertEquals(
                List.of(
                        Capability.CAPABILITY_SYNC,
                        Capability.CAPABILITY_ACCOUNT_PROVISIONING,
                        Capability.CAPABILITY_RESOURCE_DELETE),
                capabilities.getConnectorCapabilitiesList());
    }

    private record FakeConnector(List<ResourceProvisioner> provisioners) implements Connector {
        @Override
        public List<ResourceSyncer> syncers() {
            return List.of();
        }

        @Override
        public List<ResourceType> allResourceTypes() {
            return ResourceTypes.ALL;
        }
    }

    private record Groups(String resourceTypeId) implements GrantProvisioner {
        @Override
        public ProvisionResult grant(Resource principal, Entitlement entitlement) {
            throw new UnsupportedOperationException("not called in this test");
        }

        @Override
        public ProvisionResult revoke(Grant grant) {
            throw new UnsupportedOperationException("not called in this test");
        }
    }

    private record Users(String resourceTypeId) implements AccountCreator, ResourceDeleter {
        @Override
        public ProvisionResult createAccount(String login, String email, Struct profile) {
            throw new UnsupportedOperationException("not called in this test");
        }

        @Override
        public ProvisionResult delete(ResourceId resource, ResourceId parent) {
            throw new UnsupportedOperationException("not called in this test");
        }
    }
}
