package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How one JSON service pages: its error code for a bad MaxResults or token, its real MaxResults ceiling and the
 * {@code limits.pageSize} key of its default. Slicing and tokens are the simulator's common {@link Page} and
 * {@link PageTokens}.
 */
record JsonPaging(String validationCode, String invalidTokenCode, int maximum, String pageSizeKey) {
    JsonPaging {
        requireNonNull(validationCode, "validationCode is null");
        requireNonNull(invalidTokenCode, "invalidTokenCode is null");
        requireNonNull(pageSizeKey, "pageSizeKey is null");
    }

    /** The page of {@code items} the request's NextToken and MaxResults ask for. */
    <T> ResultSlice<T> page(List<T> items, JsonRequest request, int worldPageSize) {
        int offset = PageTokens.decode(request.optional("NextToken"), invalidTokenCode);
        int size = ResultSlice.size(request.optionalInt("MaxResults"), worldPageSize, maximum, validationCode);
        return ResultSlice.slice(items, offset, size);
    }
}
