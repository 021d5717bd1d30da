package dev.baton.aws.spi;

import dev.baton.aws.proto.c1.connector.v2.ResourceId;

/** Deletes resources of one type; deleting a missing resource succeeds with {@code ResourceDoesNotExist}. */
public interface ResourceDeleter extends ResourceProvisioner {
    /** {@code parent} is null when unknown. */
    ProvisionResult delete(ResourceId resource, ResourceId parent) throws SyncException;
}
