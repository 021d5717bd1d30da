package dev.baton.aws.sync;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The progress of a sync, kept with its rows so that a run killed part-way can be continued
 * (docs/resumable-syncs.md). The engine records, on its writer thread, the next page token of every listing whose
 * page it wrote (null once the last one is), the entitlements and grants that wait for objects not written yet,
 * and commits every few seconds; one commit makes rows and progress durable together. {@link #putMemo} may be
 * called from any thread.
 *
 * <p>A store that cannot be resumed uses {@link #NONE}: nothing is kept and nothing is ever resumed.
 */
public interface SyncCheckpoint {
    /** True when the store holds a sync an earlier run started: the reads below describe what it did. */
    boolean resumed();

    /** Listings whose last page was written, and the next page of those part-way. */
    ListingProgress listings();

    List<Entitlement> waitingEntitlements();

    List<Grant> waitingGrants();

    /** Answers a connector remembered ({@link DurableMemo}). */
    Map<String, String> memos();

    /** The resources written so far, in the order they were written. */
    void forEachResource(Consumer<Resource> consumer);

    boolean hasExpandableGrants();

    /** @param next the next page's token, or null when {@code listing}'s last page was written */
    void putListingState(String listing, String next);

    void putWaiting(Entitlement entitlement);

    void putWaiting(Grant grant);

    /** The waiting objects were all checked (written or dropped). */
    void clearWaiting();

    void putMemo(String key, String value);

    /** Makes everything written so far durable. */
    void commit();

    SyncCheckpoint NONE = new SyncCheckpoint() {
        @Override
        public boolean resumed() {
            return false;
        }

        @Override
        public ListingProgress listings() {
            return ListingProgress.NONE;
        }

        @Override
        public List<Entitlement> waitingEntitlements() {
            return List.of();
        }

        @Override
        public List<Grant> waitingGrants() {
            return List.of();
        }

        @Override
        public Map<String, String> memos() {
            return Map.of();
        }

        @Override
        public void forEachResource(Consumer<Resource> consumer) {}

        @Override
        public boolean hasExpandableGrants() {
            return false;
        }

        @Override
        public void putListingState(String listing, String next) {}

        @Override
        public void putWaiting(Entitlement entitlement) {}

        @Override
        public void putWaiting(Grant grant) {}

        @Override
        public void clearWaiting() {}

        @Override
        public void putMemo(String key, String value) {}

        @Override
        public void commit() {}
    };
}
