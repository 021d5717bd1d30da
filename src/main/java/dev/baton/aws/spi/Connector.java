package dev.baton.aws.spi;

import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.util.List;

/**
 * The connector as the engine and provisioning see it: the registered syncers (one per resource type) and the
 * write capabilities some of them also implement ({@link GrantProvisioner}, {@link ResourceDeleter},
 * {@link AccountCreator}), detected with {@code instanceof}.
 */
public interface Connector {
    /** Syncers in registration order; resource type ids are unique. */
    List<ResourceSyncer> syncers();

    /** Every resource type this connector can sync, whatever the run's flags (used for capabilities). */
    List<ResourceType> allResourceTypes();

    /** Write capabilities, at most one object per resource type; empty when provisioning is not wired. */
    List<ResourceProvisioner> provisioners();
}
