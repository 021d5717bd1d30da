package dev.baton.aws.sync.expand;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantSources;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.Map;

/**
 * What expansion needs of one grant of a source entitlement S: its principal as embedded, and whether the
 * principal holds S directly (no sources, or S among them as the SDK records a held-before grant).
 */
record SourceGrant(Resource principal, boolean direct) {
    SourceGrant {
        requireNonNull(principal, "principal is null");
    }

    static SourceGrant of(String sourceEntitlementId, StoredGrant stored) {
        Grant grant = stored.grant();
        Map<String, GrantSources.GrantSource> sources = grant.getSources().getSourcesMap();
        return new SourceGrant(grant.getPrincipal(), sources.isEmpty() || sources.containsKey(sourceEntitlementId));
    }
}
