package dev.baton.aws.c1z;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Remarks that are not violations (e.g. annotations only newer readers know), each distinct one kept once. */
final class Notes {
    private static final int LIMIT = 20;
    private final Set<String> notes = new LinkedHashSet<>();

    void add(String note) {
        if (notes.size() < LIMIT) {
            notes.add(note);
        }
    }

    List<String> all() {
        return List.copyOf(notes);
    }
}
