package dev.baton.aws.simulator.protocol;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the access key id out of a SigV4 {@code Authorization} header; the signature itself is not checked. */
public final class SigV4Authorization {
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    private SigV4Authorization() {}

    /** The access key id, or empty when the header is missing or not SigV4. */
    public static Optional<String> accessKeyId(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("AWS4-HMAC-SHA256")) {
            return Optional.empty();
        }
        Matcher matcher = CREDENTIAL.matcher(authorizationHeader);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
