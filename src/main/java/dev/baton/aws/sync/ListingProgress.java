package dev.baton.aws.sync;

import dev.baton.aws.spi.PageToken;
import java.util.Map;
import java.util.Set;

/**
 * What an earlier run of a sync finished ({@link SyncCheckpoint#listings()}): listings done, and the next page of
 * those part-way, by {@link ListingKeys} name.
 */
public record ListingProgress(Set<String> done, Map<String, String> next) {
    /** A new sync: nothing done. */
    public static final ListingProgress NONE = new ListingProgress(Set.of(), Map.of());

    public ListingProgress {
        done = Set.copyOf(done);
        next = Map.copyOf(next);
    }

    boolean isDone(String listing) {
        return done.contains(listing);
    }

    /** The page a listing starts from: the one the checkpoint names, else the first. */
    PageToken token(String listing) {
        return PageToken.of(next.get(listing));
    }
}
