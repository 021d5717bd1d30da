package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.ResourceSyncer;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Write capabilities are read off the interfaces each registered syncer implements. */
class WriteCapabilitiesTest {
    @Test
    void detectsEachWriteInterface() {
        Connector connector = new FakeConnector(List.of(new ReadOnly(ResourceTypes.ROLE),
                new Groups(ResourceTypes.GROUP), new Users(ResourceTypes.IAM_USER)));

        Function<String, Set<Capability>> writes = WriteCapabilities.of(connector);

        assertEquals(Set.of(), writes.apply("role"));
        assertEquals(Set.of(Capability.CAPABILITY_PROVISION), writes.apply("group"));
        assertEquals(Set.of(Capability.CAPABILITY_ACCOUNT_PROVISIONING, Capability.CAPABILITY_RESOURCE_DELETE),
                writes.apply("iam_user"));
        assertEquals(Set.of(), writes.apply("sso_user"), "unregistered types have no writes");
    }

    @Test
    void capabilitiesReportUsesTheDetectedWrites() {
        Connector connector = new FakeConnector(List.of(new Users(ResourceTypes.IAM_USER)));

        ConnectorCapabilities capabilities =
                new CapabilitiesReport(ResourceTypes.ALL, WriteCapabilities.of(connector)).capabilities();

        ResourceTypeCapability iamUser = capabilities.getResourceTypeCapabilities(5);
        assertEquals("iam_user", iamUser.getResourceType().getId());
        assertEquals(List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_ACCOUNT_PROVISIONING,
                Capability.CAPABILITY_RESOURCE_DELETE), iamUser.getCapabilitiesList());
        assertEquals(List.of(Capability.CAPABILITY_SYNC, Capability.CAPABILITY_ACCOUNT_PROVISIONING,
                Capability.CAPABILITY_RESOURCE_DELETE), capabilities.getConnectorCapabilitiesList());
    }

    private record FakeConnector(List<ResourceSyncer> syncers) implements Connector {
        @Override
        public List<ResourceType> allResourceTypes() {
            return ResourceTypes.ALL;
        }
    }

    private static class ReadOnly implements ResourceSyncer {
        private final ResourceType type;

        ReadOnly(ResourceType type) {
            this.type = type;
        }

        @Override
        public ResourceType resourceType() {
            return type;
        }

        @Override
        public Page<Resource> list(ResourceId parent, PageToken token) {
            throw new UnsupportedOperationException("not read in this test");
        }

        @Override
        public Page<Entitlement> entitlements(Resource resource, PageToken token) {
            throw new UnsupportedOperationException("not read in this test");
        }

        @Override
        public Page<Grant> grants(Resource resource, PageToken token) {
            throw new UnsupportedOperationException("not read in this test");
        }
    }

    private static final class Groups extends ReadOnly implements GrantProvisioner {
        Groups(ResourceType type) {
            super(type);
        }

        @Override
        public ProvisionResult grant(Resource principal, Entitlement entitlement) {
            throw new UnsupportedOperationException("not called in this test");
        }

        @Override
        public ProvisionResult revoke(Grant grant) {
            throw new UnsupportedOperationException("not called in this test");
        }
    }

    private static final class Users extends ReadOnly implements AccountCreator, ResourceDeleter {
        Users(ResourceType type) {
            super(type);
        }

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
