package dev.baton.aws.cli;

import dev.baton.aws.aws.AwsCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stderr lines of a failure: its message on one line, then, when an AWS call failed and there is something to
 * change (a permission, the trust policy, the external id, the credential set-up), a second line with that advice.
 * Every line carries the {@code baton-aws: } prefix exactly once, whatever the messages it is built from say:
 * error messages keep upstream's own prefix, and wrapping one message in another would repeat it.
 */
final class ErrorLines {
    static final String PREFIX = "baton-aws: ";
    private static final Pattern INNER_PREFIX = Pattern.compile("(: |\\()(?:baton-aws: )+");

    private ErrorLines() {}

    static List<String> of(Throwable failure) {
        List<String> lines = new ArrayList<>();
        lines.add(PREFIX + withoutPrefix(oneLine(failure)));
        adviceOf(failure).ifPresent(advice -> lines.add(PREFIX + "to fix: " + advice));
        return lines;
    }

    /** The message without any {@code baton-aws: } prefix, at its start or after a wrapping message's colon. */
    static String withoutPrefix(String message) {
        String text = message;
        while (text.startsWith(PREFIX)) {
            text = text.substring(PREFIX.length());
        }
        return INNER_PREFIX.matcher(text).replaceAll("$1");
    }

    static String oneLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** @param maxHeap the JVM's heap limit in bytes */
    static String outOfMemoryAdvice(long maxHeap) {
        return "give the JVM a larger heap than its " + maxHeap / (1024 * 1024)
                + " MiB and run the same command again (a sync continues where it stopped), e.g. JAVA_OPTS=-Xmx2g"
                + " for bin/baton-aws, JAVA_TOOL_OPTIONS=-Xmx2g for the container, java -Xmx2g -jar for the jar";
    }

    private static Optional<String> adviceOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsCallException call && !call.advice().isEmpty()) {
                return Optional.of(call.advice());
            }
            if (cause instanceof OutOfMemoryError) {
                return Optional.of(outOfMemoryAdvice(Runtime.getRuntime().maxMemory()));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
