package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncMemo;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SyncMemo} kept in the sync's checkpoint: what an earlier run of the same sync remembered is recalled
 * (read once, when the memo is made), and what this run remembers is written beside its rows.
 */
public final class DurableMemo implements SyncMemo {
    private final SyncCheckpoint checkpoint;
    private final Map<String, String> recalled;

    public DurableMemo(SyncCheckpoint checkpoint) {
        this.checkpoint = requireNonNull(checkpoint, "checkpoint is null");
        this.recalled = Map.copyOf(checkpoint.memos());
    }

    @Override
    public Optional<String> recall(String key) {
        return Optional.ofNullable(recalled.get(key));
    }

    @Override
    public void remember(String key, String value) {
        if (!value.equals(recalled.get(key))) {
            checkpoint.putMemo(key, value);
        }
    }

    /** Answers recalled from an earlier run. */
    public int recalledCount() {
        return recalled.size();
    }
}
