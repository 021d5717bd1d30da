package dev.baton.aws.c1z;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sync whose rows a query sees. {@code syncId} is null only for a file without any sync run, where the SDK,
 * too, reads the rows of every sync (see SyncRunTable#current).
 */
record SyncRowFilter(String syncId) {
    static SyncRowFilter all() {
        return new SyncRowFilter(null);
    }

    /** {@code " where <condition> and sync_id = ?"}; pass the condition's own parameters to {@link #params}. */
    String where(String condition) {
        if (syncId == null) {
            return " where " + condition;
        }
        return " where " + condition + " and sync_id = ?";
    }

    String whereSyncOnly() {
        return syncId == null ? "" : " where sync_id = ?";
    }

    /** The condition's parameters followed by the sync id, in the order {@link #where} expects them. */
    List<Object> params(Object... conditionValues) {
        List<Object> params = new ArrayList<>(Arrays.asList(conditionValues));
        if (syncId != null) {
            params.add(syncId);
        }
        return params;
    }
}
