package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SqliteTimestampTest {
    @Test
    void formatDropsTrailingZerosOfTheFractionLikeGo() {
        assertEquals(
                "2026-03-03 09:45:13.056791",
                SqliteTimestamp.format(LocalDateTime.parse("2026-03-03T09:45:13.056791")));
        assertEquals(
                "2026-03-03 09:45:13.06006", SqliteTimestamp.format(LocalDateTime.parse("2026-03-03T09:45:13.060060")));
        assertEquals(
                "2026-03-03 09:45:13.123456789",
                SqliteTimestamp.format(LocalDateTime.parse("2026-03-03T09:45:13.123456789")));
        assertEquals("2026-03-03 09:45:13.5", SqliteTimestamp.format(LocalDateTime.parse("2026-03-03T09:45:13.5")));
    }

    @Test
    void formatDropsTheDotWhenTheFractionIsZero() {
        assertEquals("2026-03-03 09:45:00", SqliteTimestamp.format(LocalDateTime.parse("2026-03-03T09:45")));
    }

    @Test
    void parseAcceptsTheLayoutsOfTheGoDriver() {
        LocalDateTime expected = LocalDateTime.parse("2026-03-03T09:45:13.056791");
        assertEquals(expected, SqliteTimestamp.parse("2026-03-03 09:45:13.056791"));
        assertEquals(expected, SqliteTimestamp.parse("2026-03-03T09:45:13.056791"));
        assertEquals(expected, SqliteTimestamp.parse("2026-03-03 09:45:13.056791Z"));
        assertEquals(expected, SqliteTimestamp.parse("2026-03-03 09:45:13.056791-08:00"));
        assertEquals(expected, SqliteTimestamp.parse("2026-03-03 09:45:13.056791 -0800 PST"));
        assertEquals(LocalDateTime.parse("2026-03-03T09:45"), SqliteTimestamp.parse("2026-03-03 09:45"));
        assertEquals(LocalDateTime.parse("2026-03-03T00:00"), SqliteTimestamp.parse("2026-03-03"));
    }

    @Test
    void formatThenParseIsTheIdentity() {
        LocalDateTime time = LocalDateTime.parse("2026-11-28T23:59:59.000000100");
        assertEquals(time, SqliteTimestamp.parse(SqliteTimestamp.format(time)));
    }

    @Test
    void parseRejectsOtherText() {
        assertThrows(IllegalArgumentException.class, () -> SqliteTimestamp.parse("1700000000"));
        assertThrows(IllegalArgumentException.class, () -> SqliteTimestamp.parse("yesterday"));
    }
}
