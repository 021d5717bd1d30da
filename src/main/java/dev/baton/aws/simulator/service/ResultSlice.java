package dev.baton.aws.simulator.service;

import java.util.List;

/** One page of a simulated AWS listing and the token of the next page (null on the last page). */
public record ResultSlice<T>(List<T> items, String nextToken) {
    public ResultSlice {
        items = List.copyOf(items);
    }

    /** The items from {@code offset}, at most {@code size} of them, with the token for the rest. */
    public static <T> ResultSlice<T> slice(List<T> all, int offset, int size) {
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + size);
        return new ResultSlice<>(all.subList(from, to), to < all.size() ? PageTokens.encode(to) : null);
    }

    /**
     * The page size to use: the caller's {@code requested} value (null when not sent) capped at the service's
     * real {@code maximum}, else {@code defaultSize} (the world's {@code limits.pageSize}). A value below 1 is
     * the caller's error, reported with {@code validationCode}.
     */
    public static int size(Integer requested, int defaultSize, int maximum, String validationCode) {
        if (requested == null) {
            return Math.min(defaultSize, maximum);
        }
        if (requested < 1) {
            throw new AwsFault(400, validationCode, "Page size must be at least 1, got " + requested);
        }
        return Math.min(requested, maximum);
    }

    public boolean truncated() {
        return nextToken != null;
    }
}
