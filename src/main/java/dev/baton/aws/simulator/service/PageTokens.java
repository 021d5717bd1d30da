package dev.baton.aws.simulator.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination tokens (Marker, NextToken) holding the offset of the next item. Opaque on purpose: a client
 * that builds tokens itself instead of echoing ours breaks here as it would against AWS.
 */
public final class PageTokens {
    private static final String PREFIX = "sim1:";

    private PageTokens() {}

    public static String encode(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The offset in {@code token}, 0 for null or empty. A token we did not issue is the caller's error,
     * {@code AwsFault(400, invalidTokenCode)}: each service passes its own code (e.g. {@code ValidationException}
     * for SSO Admin and Identity Store, {@code InvalidInputException} for Organizations,
     * {@code InvalidNextTokenException} for CloudTrail).
     */
    public static int decode(String token, String invalidTokenCode) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the fault below; NumberFormatException is an IllegalArgumentException
        }
        throw new AwsFault(400, invalidTokenCode, "Invalid pagination token");
    }
}
