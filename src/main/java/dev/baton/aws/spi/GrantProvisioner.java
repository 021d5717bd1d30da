package dev.baton.aws.spi;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;

/** Grant and revoke of the entitlements of one resource type. Both are idempotent. */
public interface GrantProvisioner extends ResourceProvisioner {
    ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException;

    ProvisionResult revoke(Grant grant) throws SyncException;
}
