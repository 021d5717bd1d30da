package dev.baton.aws.provisioning;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean" for mistyped ids: the candidate with the smallest edit distance, if it is close enough to be a
 * plausible typo. Bounded so a c1z with millions of ids cannot turn an error message into a long wait.
 */
final class IdSuggestion {
    /** Above this many candidates the suggestion is skipped: it is a courtesy, not worth seconds. */
    static final int MAX_CANDIDATES = 200_000;

    private IdSuggestion() {}

    static Optional<String> closest(String wanted, Collection<String> candidates) {
        if (candidates.isEmpty() || candidates.size() > MAX_CANDIDATES) {
            return Optional.empty();
        }
        int limit = Math.max(2, wanted.length() / 4);
        String best = null;
        int bestDistance = limit + 1;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - wanted.length()) >= bestDistance) {
                continue;
            }
            int distance = EditDistance.bounded(wanted, candidate, bestDistance);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** {@code "; did you mean 'x'?"} or "" when nothing is close. */
    static String hint(String wanted, Collection<String> candidates) {
        return closest(wanted, candidates)
                .map(id -> "; did you mean '" + id + "'?")
                .orElse("");
    }
}
