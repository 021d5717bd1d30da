package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class KsuidTest {
    private static final Pattern FORMAT = Pattern.compile("[0-9A-Za-z]{27}");

    @Test
    void decodesTheSegmentioReadmeExample() {
        Ksuid ksuid = Ksuid.parse("0ujtsYcgvSTl8PAuAdqWYSMnLOv");
        assertEquals(Instant.parse("2017-10-10T04:00:47Z"), ksuid.timestamp());
        assertArrayEquals(HexFormat.of().parseHex("B5A1CD34B5F99D1154FB6853345C9735"), ksuid.payload());
        assertEquals("0ujtsYcgvSTl8PAuAdqWYSMnLOv", ksuid.toString());
    }

    @Test
    void decodesTheSyncIdOfTheUpstreamSampleFile() {
        assertEquals(
                Instant.parse("2026-03-03T17:45:13Z"),
                Ksuid.parse("3ARefY5G8eOytquwYgm41Nq07IZ").timestamp());
    }

    @Test
    void newKsuidsAre27Base62CharactersCarryingTheirSecond() {
        Instant time = Instant.parse("2026-11-28T13:20:05.750Z");
        Ksuid ksuid = Ksuid.create(time, new Random(7));
        String text = ksuid.toString();
        assertTrue(FORMAT.matcher(text).matches(), text);
        assertEquals(Instant.parse("2026-11-28T13:20:05Z"), Ksuid.parse(text).timestamp());
        assertEquals(ksuid, Ksuid.parse(text));
    }

    @Test
    void laterKsuidsSortAfterEarlierOnesAsTextAndAsBytes() {
        Random random = new Random(1);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Ksuid previous = Ksuid.create(start, random);
        for (int second = 1; second < 200; second++) {
            Ksuid next = Ksuid.create(start.plusSeconds(second), random);
            assertTrue(next.toString().compareTo(previous.toString()) > 0, next + " <= " + previous);
            assertTrue(next.compareTo(previous) > 0);
            previous = next;
        }
    }

    @Test
    void extremesPadToFullLength() {
        assertEquals(
                "000000000000000000000000000",
                Ksuid.parse("000000000000000000000000000").toString());
        assertEquals(
                "aWgEPTl1tmebfsQzFP4bxwgy80V",
                Ksuid.parse("aWgEPTl1tmebfsQzFP4bxwgy80V").toString());
        Ksuid epoch = Ksuid.create(Instant.ofEpochSecond(Ksuid.EPOCH_SECONDS), new Random(3));
        assertEquals(27, epoch.toString().length());
        assertNotEquals(epoch, Ksuid.create(Instant.ofEpochSecond(Ksuid.EPOCH_SECONDS), new Random(4)));
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> Ksuid.parse("short"));
        assertThrows(IllegalArgumentException.class, () -> Ksuid.parse("0ujtsYcgvSTl8PAuAdqWYSMnLO-"));
        assertThrows(IllegalArgumentException.class, () -> Ksuid.parse("aWgEPTl1tmebfsQzFP4bxwgy80W"));
        assertThrows(
                IllegalArgumentException.class,
                () -> Ksuid.create(Instant.parse("2010-01-01T00:00:00Z"), new Random()));
    }
}
