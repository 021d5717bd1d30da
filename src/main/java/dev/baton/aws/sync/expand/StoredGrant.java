package dev.baton.aws.sync.expand;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;

/**
 * A grant as the store keeps it: the blob without any {@code GrantExpandable} annotation, and that annotation
 * apart (the c1z {@code expansion} column), the way the baton SDK stores them.
 *
 * @param expandable the expansion annotation, or null when the grant is not expandable
 */
public record StoredGrant(Grant grant, GrantExpandable expandable) {
    public StoredGrant {
        requireNonNull(grant, "grant is null");
    }

    public boolean isExpandable() {
        return expandable != null;
    }
}
