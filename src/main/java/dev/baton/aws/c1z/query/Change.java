package dev.baton.aws.c1z.query;

import java.util.List;
import java.util.Objects;

/**
 * One object that differs between two syncs.
 *
 * @param id the object's key in the file: {@code type:id} for a resource, the entitlement or grant id otherwise
 * @param before the object in the older sync; null when it was added
 * @param after the object in the newer sync; null when it was removed
 * @param changedFields for a changed object, the fields that differ ({@code display_name}, {@code profile.aws_tags},
 *     {@code annotations.UserTrait.login}, ...); empty otherwise
 */
public record Change<T>(String id, T before, T after, List<String> changedFields) {
    /** Whether the object was added, removed or changed. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Change {
        Objects.requireNonNull(id, "id is null");
        if (before == null && after == null) {
            throw new IllegalArgumentException("a change needs a before or an after: " + id);
        }
        changedFields = List.copyOf(changedFields);
    }

    public Kind kind() {
        if (before == null) {
            return Kind.ADDED;
        }
        return after == null ? Kind.REMOVED : Kind.CHANGED;
    }

    /** The newer object, or the removed one. */
    public T current() {
        return after != null ? after : before;
    }
}
