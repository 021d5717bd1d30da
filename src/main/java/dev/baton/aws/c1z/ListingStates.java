package dev.baton.aws.c1z;

import java.util.Map;
import java.util.Set;

/**
 * What a resumable sync's checkpoint says of its listings, read in one pass.
 *
 * @param done listings whose last page was written
 * @param next the next page token of each listing with pages written but not its last
 */
public record ListingStates(Set<String> done, Map<String, String> next) {
    public ListingStates {
        done = Set.copyOf(done);
        next = Map.copyOf(next);
    }
}
