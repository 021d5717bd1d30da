package dev.baton.aws.c1z;

import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import java.util.Objects;
import java.util.Optional;

/**
 * A grant as stored: the blob (never carrying a {@code GrantExpandable} annotation) and the content of the
 * {@code expansion} column, kept apart the way the SDK keeps them.
 *
 * @param expandable the {@code expansion} column, or null when the grant is not expandable
 */
public record StoredGrant(Grant grant, GrantExpandable expandable) {
    public StoredGrant {
        Objects.requireNonNull(grant, "grant is null");
    }

    public Optional<GrantExpandable> expansion() {
        return Optional.ofNullable(expandable);
    }
}
