package dev.baton.aws.c1z;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of {@code v1_sync_runs}. Times are zone-less local wall-clock times, as the SDK writes them.
 *
 * @param endedAt null while the sync is unfinished
 */
public record SyncRun(String syncId, String type, LocalDateTime startedAt, LocalDateTime endedAt) {
    public SyncRun {
        Objects.requireNonNull(syncId, "syncId is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(startedAt, "startedAt is null");
    }

    public boolean finished() {
        return endedAt != null;
    }

    public Optional<LocalDateTime> ended() {
        return Optional.ofNullable(endedAt);
    }
}
