package dev.baton.aws.c1z;

import java.util.regex.Pattern;

/**
 * Whether a TEXT value of a {@code datetime} column is one the SDK's SQLite driver turns into a time: a date,
 * optionally a time with up to nine fraction digits, optionally {@code Z} or a {@code +hh:mm} zone, and a real
 * calendar date and time of day.
 */
final class GoTimestamp {
    private static final Pattern LAYOUT =
            Pattern.compile("^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?)?(Z|[+-]\\d{2}:\\d{2})?$");

    private GoTimestamp() {}

    static boolean parses(String text) {
        if (text == null || !LAYOUT.matcher(text).matches()) {
            return false;
        }
        try {
            SqliteTimestamp.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
