package dev.baton.aws.sync;

import dev.baton.aws.spi.SyncException;

/** One independent piece of work: one page of one listing (type × parent × page, or resource × page). */
interface WorkUnit {
    /** The resource type the work is for, for the "types done" of progress lines. */
    String resourceTypeId();

    WorkKind kind();

    /** A few words naming the listing, for errors that are not the syncer's own {@link SyncException}. */
    String describe();

    /**
     * The id of the account (see {@link SyncOptions#accountTypes()}) this work belongs to: the unit lists an
     * account's own entitlements or grants, or something listed under it; null for work outside any account.
     */
    String account();

    void run(Context context) throws SyncException, InterruptedException;

    /** What a unit can do besides calling its syncer. */
    interface Context {
        /** Hands a page to the writer; blocks while the writer is behind, which bounds memory. */
        void write(WriteBatch batch) throws InterruptedException;

        /** The next page of the same listing; runs before any new listing starts, so listings finish early. */
        void continueWith(WorkUnit nextPage);

        /** A new resource listing discovered while working (a child resource type of a listed resource). */
        void schedule(WorkUnit unit);

        /**
         * Every child listing of the resources of {@code page} (written before with {@link #write}) has been
         * scheduled: until then an account in the page cannot count as done.
         */
        void childrenScheduled(WriteBatch.Resources page);
    }
}
