package dev.baton.aws.c1z.query;

import java.util.Objects;

/**
 * One row of {@code v1_sync_runs}, times as stored (zone-less local wall-clock text).
 *
 * @param endedAt null while the sync is unfinished
 */
public record SyncRunRow(String syncId, String type, String startedAt, String endedAt, String parentSyncId) {
    public SyncRunRow {
        Objects.requireNonNull(syncId, "syncId is null");
        Objects.requireNonNull(type, "type is null");
    }

    public boolean finished() {
        return endedAt != null;
    }

    public boolean fullAndFinished() {
        return finished() && "full".equals(type);
    }
}
