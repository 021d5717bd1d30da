package dev.baton.aws.spi;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** One page of items and the token of the next page ({@link PageToken#first()} when this is the last page). */
public record Page<T>(List<T> items, PageToken next) {
    public Page {
        items = List.copyOf(requireNonNull(items, "items is null"));
        requireNonNull(next, "next is null");
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), PageToken.first());
    }

    public static <T> Page<T> last(List<T> items) {
        return new Page<>(items, PageToken.first());
    }

    /** A page followed by another when {@code next} is non-empty; a null or empty next token ends the listing. */
    public static <T> Page<T> of(List<T> items, String next) {
        return new Page<>(items, PageToken.of(next));
    }

    public boolean hasNext() {
        return !next.isFirst();
    }
}
