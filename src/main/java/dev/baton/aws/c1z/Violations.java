package dev.baton.aws.c1z;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects violations, keeping at most {@link #SHOWN_PER_CHECK} lines per check but counting all of them. */
final class Violations {
    static final int SHOWN_PER_CHECK = 20;

    private final List<Violation> shown = new ArrayList<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();

    void add(String check, String message) {
        int count = counts.merge(check, 1, Integer::sum);
        if (count <= SHOWN_PER_CHECK) {
            shown.add(new Violation(check, message));
        }
    }

    List<Violation> shown() {
        return List.copyOf(shown);
    }

    Map<String, Integer> counts() {
        return Map.copyOf(counts);
    }
}
