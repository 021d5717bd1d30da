package dev.baton.aws.aws;

/**
 * Where a listing goes next, read the way AWS's API models allow: every pagination member is optional. A page
 * without {@code IsTruncated}, without a marker, or with an empty token is the last one, and so is a page that hands
 * back the token it was asked with (which would otherwise loop forever).
 */
public final class AwsPaging {
    private AwsPaging() {}

    /**
     * The marker of the next page of an IAM-style listing ({@code IsTruncated} + {@code Marker}), or null when this
     * was the last page.
     */
    public static String nextMarker(Boolean isTruncated, String marker, String requested) {
        return Boolean.TRUE.equals(isTruncated) ? nextToken(marker, requested) : null;
    }

    /**
     * The token of the next page of a {@code NextToken}-style listing, or null when this was the last page.
     *
     * @param requested the token this page was asked with, or null for the first page
     */
    public static String nextToken(String next, String requested) {
        if (next == null || next.isEmpty() || next.equals(requested)) {
            return null;
        }
        return next;
    }
}
