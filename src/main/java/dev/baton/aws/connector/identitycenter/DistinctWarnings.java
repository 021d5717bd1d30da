package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncWarnings;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Passes each distinct warning on once. Identity Center objects are read from several places in one sync (an
 * assignment by the account grants and again by its binding, a cached policy list by two syncers); a record that
 * cannot be used is still reported once.
 */
final class DistinctWarnings implements SyncWarnings {
    private final SyncWarnings warnings;
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    DistinctWarnings(SyncWarnings warnings) {
        this.warnings = requireNonNull(warnings, "warnings is null");
    }

    @Override
    public void warn(String message) {
        if (sent.add(message)) {
            warnings.warn(message);
        }
    }
}
