package dev.baton.aws.spi;

import static java.util.Objects.requireNonNull;

/**
 * An opaque page token handed from one page of a syncer to the next. The empty token means "first page".
 * Only the syncer that produced a token interprets it; the engine just passes it back.
 */
public record PageToken(String value) {
    private static final PageToken FIRST = new PageToken("");

    public PageToken {
        requireNonNull(value, "value is null");
    }

    public static PageToken first() {
        return FIRST;
    }

    public static PageToken of(String value) {
        return value == null || value.isEmpty() ? FIRST : new PageToken(value);
    }

    public boolean isFirst() {
        return value.isEmpty();
    }
}
