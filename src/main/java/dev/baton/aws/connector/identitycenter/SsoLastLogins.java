package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.spi.SyncException;
import java.time.Instant;
import java.util.Optional;

/** The last Identity Center sign-in of each user. */
@FunctionalInterface
interface SsoLastLogins {
    Optional<Instant> lastLogin(String userId) throws SyncException;

    /** {@code --sync-sso-user-last-login} off. */
    static SsoLastLogins none() {
        return userId -> Optional.empty();
    }
}
