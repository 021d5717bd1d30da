package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.spi.SyncException;
import java.util.Optional;

/** SCIM {@code active} of Identity Center users, for users whose Identity Store record carries no status. */
@FunctionalInterface
interface ScimUserStatuses {
    /** SCIM {@code active} of the user with this Identity Store id (or, failing that, this user name). */
    Optional<Boolean> active(String userId, String userName) throws SyncException;

    /** SCIM not configured. */
    static ScimUserStatuses none() {
        return (userId, userName) -> Optional.empty();
    }
}
