package dev.baton.aws.c1z.query;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;

/**
 * One entitlement a principal holds, with every way it holds it.
 *
 * @param principal the principal as stored, or a stub holding only its id when the sync lacks it
 * @param entitlement the entitlement as stored, or as embedded in the grant when the sync lacks it
 */
public record Access(Resource principal, Grant grant, Entitlement entitlement, List<AccessPath> paths) {
    public Access {
        paths = List.copyOf(paths);
    }

    public ResourceId principalId() {
        return principal.getId();
    }

    public Resource resource() {
        return entitlement.getResource();
    }
}
