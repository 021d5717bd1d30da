package dev.baton.aws.c1z;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The zone-less TEXT timestamps of {@code datetime} columns. Writing matches Go's layout
 * {@code 2006-01-02 15:04:05.999999999}: trailing zeros of the fraction are dropped, and so is the dot when the
 * fraction is zero. Reading accepts the layouts the SDK's SQLite driver accepts; a zone suffix is ignored because
 * the SDK, too, reads these values as local wall-clock time.
 */
final class SqliteTimestamp {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter LENIENT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart()
            .appendLiteral(' ')
            .appendPattern("HH:mm")
            .optionalStart()
            .appendPattern(":ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .toFormatter();
    /** A trailing zone: {@code Z}, {@code +07:00}, or Go's {@code time.String()} tail {@code " -0700 MST"}. */
    private static final Pattern ZONE_SUFFIX = Pattern.compile("(Z|[+-]\\d{2}:\\d{2}|\\s+[+-]\\d{4}(\\s+\\S+)?)$");

    private SqliteTimestamp() {}

    static String format(LocalDateTime time) {
        Objects.requireNonNull(time, "time is null");
        String seconds = SECONDS.format(time);
        int nanos = time.getNano();
        if (nanos == 0) {
            return seconds;
        }
        String fraction = String.format("%09d", nanos);
        int end = fraction.length();
        while (fraction.charAt(end - 1) == '0') {
            end--;
        }
        return seconds + "." + fraction.substring(0, end);
    }

    static LocalDateTime parse(String text) {
        Objects.requireNonNull(text, "text is null");
        String plain = ZONE_SUFFIX.matcher(text.trim()).replaceFirst("").replace('T', ' ');
        try {
            return LocalDateTime.parse(plain, LENIENT);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a SQLite timestamp: '" + text + "'", e);
        }
    }
}
