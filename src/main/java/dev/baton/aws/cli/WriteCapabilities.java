package dev.baton.aws.cli;

import dev.baton.aws.proto.c1.connector.v2.Capability;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.Connector;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.ResourceProvisioner;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Derives per-type write capabilities from what a connector registered, by asking each provisioner which write
 * interfaces it implements. Capabilities are therefore never written by hand and cannot claim a write that has no
 * code behind it.
 */
final class WriteCapabilities {
    private WriteCapabilities() {}

    static Function<String, Set<Capability>> of(Connector connector) {
        return of(connector.provisioners());
    }

    static Function<String, Set<Capability>> of(List<ResourceProvisioner> provisioners) {
        Map<String, Set<Capability>> byType = new TreeMap<>();
        for (ResourceProvisioner provisioner : provisioners) {
            if (byType.put(provisioner.resourceTypeId(), of(provisioner)) != null) {
                throw new IllegalStateException("two provisioners for resource type " + provisioner.resourceTypeId());
            }
        }
        return typeId -> byType.getOrDefault(typeId, Set.of());
    }

    static Set<Capability> of(ResourceProvisioner provisioner) {
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (provisioner instanceof GrantProvisioner) {
            capabilities.add(Capability.CAPABILITY_PROVISION);
        }
        if (provisioner instanceof AccountCreator) {
            capabilities.add(Capability.CAPABILITY_ACCOUNT_PROVISIONING);
        }
        if (provisioner instanceof ResourceDeleter) {
            capabilities.add(Capability.CAPABILITY_RESOURCE_DELETE);
        }
        return Set.copyOf(capabilities);
    }
}
