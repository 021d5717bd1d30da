package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.SyncException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SsoPageTokenTest {
    private static String json(PageToken token) {
        return new String(Base64.getDecoder().decode(token.value()), StandardCharsets.UTF_8);
    }

    @Test
    void indexTokenIsStandardBase64OfPsiJson() {
        assertEquals("{\"psi\":25}", json(SsoPageToken.index(25)));
        assertEquals("eyJwc2kiOjI1fQ==", SsoPageToken.index(25).value());
    }

    @Test
    void assignmentTokenCarriesTheAwsTokenOnlyWhenPresent() {
        assertEquals("{\"psi\":0,\"apt\":\"abc\"}", json(SsoPageToken.index(0, "abc")));
        assertEquals("{\"psi\":3}", json(SsoPageToken.index(3, "")));
    }

    @Test
    void phaseTokensOmitDefaults() {
        assertEquals("{\"t\":\"next\"}", json(SsoPageToken.phase(false, "next")));
        assertEquals("{\"pp\":true}", json(SsoPageToken.phase(true, "")));
        assertFalse(SsoPageToken.phase(true, "").isFirst(), "the policy phase must follow even without a token");
    }

    @Test
    void decodeRoundTripsAndDefaultsAbsentFields() throws SyncException {
        SsoPageToken position = SsoPageToken.decode(SsoPageToken.index(7, "x\"y"));
        assertEquals(new SsoPageToken(7, "x\"y", false, ""), position);
        SsoPageToken phase = SsoPageToken.decode(SsoPageToken.phase(true, ""));
        assertTrue(phase.policyPhase());
        assertEquals(0, phase.permissionSetIndex());
        assertEquals(new SsoPageToken(0, "", false, ""), SsoPageToken.decode(PageToken.first()));
    }

    @Test
    void garbageTokenIsASyncError() {
        assertThrows(SyncException.class, () -> SsoPageToken.decode(PageToken.of("%%%not-base64")));
        String notJson = Base64.getEncoder().encodeToString("{psi".getBytes(StandardCharsets.UTF_8));
        assertThrows(SyncException.class, () -> SsoPageToken.decode(PageToken.of(notJson)));
    }
}
