package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.spi.SyncWarnings;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reading IAM answers the way AWS's API model allows: most members are optional, so a name or path AWS left out is
 * taken from the entity's ARN ({@code arn:aws:iam::<account>:user/<path>/<name>}), and a record that cannot become
 * a resource (no ARN) is skipped with one warning from {@link #skipping}.
 */
final class IamValues {
    private IamValues() {}

    /** {@code given}, or the last segment of {@code arn} when AWS left the name out. */
    static String name(String given, String arn) {
        return AwsValues.firstText(given, Arn.isArn(arn) ? Arn.parse(arn).name() : "");
    }

    /** {@code given}, or the path inside {@code arn} ({@code /} for none) when AWS left it out. */
    static String path(String given, String arn) {
        return AwsValues.firstText(given, Arn.isArn(arn) ? Arn.parse(arn).path() : "/");
    }

    /** True when {@code text} is absent or empty: the member cannot identify anything. */
    static boolean absent(String text) {
        return text == null || text.isEmpty();
    }

    /**
     * The one warning for a record that cannot become a resource: names its type, what identifies it and the member
     * AWS left out, e.g. {@code baton-aws: skipping iam_user AIDAEXAMPLE: AWS sent no Arn}.
     */
    static String skipping(String type, String id, String member) {
        return "baton-aws: skipping " + type + " " + (absent(id) ? "(unidentified)" : id) + ": AWS sent no " + member;
    }

    /**
     * The entries of {@code listed} that carry an ARN; every other one is skipped with one warning naming
     * {@code type}, the best id AWS gave ({@code id}) and the missing member.
     */
    static <T> List<T> withArn(
            List<T> listed, Function<T, String> arn, Function<T, String> id, String type, SyncWarnings warnings) {
        List<T> kept = new ArrayList<>();
        for (T item : listed) {
            if (Arn.isArn(arn.apply(item))) {
                kept.add(item);
            } else {
                warnings.warn(skipping(type, id.apply(item), "Arn"));
            }
        }
        return kept;
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
