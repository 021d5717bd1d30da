package dev.baton.aws.c1z.query;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import java.util.List;

/**
 * How a principal reaches an entitlement: the entitlements it holds on the way, from the one it holds directly
 * outward (an IAM or Identity Center group's membership, say). An empty list means the grant is direct.
 */
public record AccessPath(List<Entitlement> hops) {
    public AccessPath {
        hops = List.copyOf(hops);
    }

    public boolean direct() {
        return hops.isEmpty();
    }
}
