package dev.baton.aws.c1z.query;

import dev.baton.aws.proto.c1.connector.v2.Grant;
import java.util.List;

/**
 * Whether a stored grant was granted directly or derived by grant expansion, read from its {@code sources} the way
 * the SDK's rollback does: no sources, or a source naming the grant's own entitlement, means direct.
 */
public enum GrantKind {
    DIRECT,
    EXPANDED;

    public static GrantKind of(Grant grant) {
        var sources = grant.getSources().getSourcesMap();
        return sources.isEmpty() || sources.containsKey(grant.getEntitlement().getId()) ? DIRECT : EXPANDED;
    }

    /** The entitlements the grant is derived from, without the grant's own one; empty for a plain direct grant. */
    public static List<String> via(Grant grant) {
        return grant.getSources().getSourcesMap().keySet().stream()
                .filter(id -> !id.equals(grant.getEntitlement().getId()))
                .sorted()
                .toList();
    }

    public String label() {
        return this == DIRECT ? "direct" : "expanded";
    }
}
