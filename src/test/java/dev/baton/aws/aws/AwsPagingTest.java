package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AwsPagingTest {
    @Test
    void anIamPageWithoutIsTruncatedOrMarkerIsTheLast() {
        assertNull(AwsPaging.nextMarker(null, "m2", "m1"));
        assertNull(AwsPaging.nextMarker(false, "m2", "m1"));
        assertNull(AwsPaging.nextMarker(true, null, "m1"));
        assertNull(AwsPaging.nextMarker(true, "", null));
        assertEquals("m2", AwsPaging.nextMarker(true, "m2", "m1"));
    }

    @Test
    void aTokenPageEndsOnAnAbsentEmptyOrRepeatedToken() {
        assertNull(AwsPaging.nextToken(null, null));
        assertNull(AwsPaging.nextToken("", "t1"));
        assertNull(AwsPaging.nextToken("t1", "t1"));
        assertEquals("t2", AwsPaging.nextToken("t2", "t1"));
    }
}
