package dev.baton.aws.c1z;

/**
 * What a sync does with the syncs an existing output file already holds.
 *
 * @param replace true to ignore the existing file and write a file holding only the new sync
 * @param keepSyncCount how many finished full syncs the file keeps, the new one included (at least 1); older
 *     ones are deleted with all their rows, as SDK connectors do (their default is 2)
 */
public record SyncHistory(boolean replace, int keepSyncCount) {
    /** The SDK's default number of full syncs kept in a file. */
    public static final int DEFAULT_KEEP_SYNC_COUNT = 2;

    public SyncHistory {
        if (keepSyncCount < 1) {
            throw new IllegalArgumentException("keepSyncCount must be >= 1, got " + keepSyncCount);
        }
    }

    /** A new file with only the new sync, whatever the output holds now. */
    public static SyncHistory replaceExisting() {
        return new SyncHistory(true, 1);
    }

    /** Adds the new sync to an existing file and keeps the newest {@code count} full syncs. */
    public static SyncHistory keep(int count) {
        return new SyncHistory(false, count);
    }
}
