package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsErrors;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one IAM call and turns an SDK failure into an {@link AwsCallException} that names the call and object. */
final class IamCall {
    private IamCall() {}

    @FunctionalInterface
    interface Call<T> {
        T run();
    }

    static <T> T call(String operation, String accountId, String resource, Call<T> call) throws AwsCallException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw AwsErrors.wrap("iam", operation, accountId, resource, e);
        }
    }

    /** IAM returns policy documents URL-encoded; a document that does not decode is kept as sent. */
    static String decodeDocument(String document) {
        if (document == null || document.isEmpty()) {
            return "";
        }
        try {
            return URLDecoder.decode(document, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return document;
        }
    }

    /** Null-safe truncation to seconds, the precision both collection paths share. */
    static Instant seconds(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
    }
}
