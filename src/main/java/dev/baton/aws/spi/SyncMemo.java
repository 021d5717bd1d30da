package dev.baton.aws.spi;

import java.util.Optional;

/**
 * Answers a syncer may keep for a run that continues an interrupted sync, so that run does not ask AWS again: an
 * answer that took many calls to build (every assignment of a principal) and that no resource row holds. Keys are
 * the syncer's own; values are text. Thread-safe. Never store secrets here: the values sit in the sync's working
 * database until the file is committed.
 */
public interface SyncMemo {
    /** The answer an earlier run of this sync remembered under {@code key}. */
    Optional<String> recall(String key);

    /** Keeps {@code value} under {@code key}; it becomes durable with the sync's next checkpoint. */
    void remember(String key, String value);

    /** Remembers nothing: every run asks AWS. */
    SyncMemo NONE = new SyncMemo() {
        @Override
        public Optional<String> recall(String key) {
            return Optional.empty();
        }

        @Override
        public void remember(String key, String value) {}
    };
}
