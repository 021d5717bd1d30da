package dev.baton.aws.provisioning;

/**
 * Edit (Levenshtein) distance for "did you mean" hints: the mistyped ids of one-shot provisioning and the mistyped
 * option names of every command.
 */
public final class EditDistance {
    private EditDistance() {}

    /** Levenshtein distance, or {@code bound} as soon as the distance is known to reach it. */
    public static int bounded(String a, String b, int bound) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMinimum = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
                rowMinimum = Math.min(rowMinimum, current[j]);
            }
            if (rowMinimum >= bound) {
                return bound;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return Math.min(previous[b.length()], bound);
    }
}
