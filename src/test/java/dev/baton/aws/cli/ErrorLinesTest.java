package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.ErrorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One {@code baton-aws: } prefix per line however messages were wrapped, and the advice of an AWS failure. */
class ErrorLinesTest {
    @Test
    void prefixesInsideWrappedMessagesAreDropped() {
        assertEquals(
                List.of("baton-aws: listing users: iam:ListUsers: AccessDenied"),
                ErrorLines.of(new IllegalStateException(
                        "baton-aws: baton-aws: listing users: baton-aws: iam:ListUsers: " + "AccessDenied")));
        assertEquals("error (detail)", ErrorLines.withoutPrefix("error (baton-aws: detail)"));
        assertEquals(
                "arn:aws:sts::1:assumed-role/r/baton-aws: denied",
                ErrorLines.withoutPrefix("arn:aws:sts::1:assumed-role/r/baton-aws: denied"),
                "a session name stays");
    }

    @Test
    void runningOutOfMemoryAdvisesALargerHeapAndSaysTheSyncContinues() {
        List<String> lines = ErrorLines.of(new IllegalStateException(
                "sync failed: the JVM ran out of memory during the grants phase",
                new OutOfMemoryError("Java heap space")));

        assertEquals(2, lines.size(), lines.toString());
        assertEquals("baton-aws: sync failed: the JVM ran out of memory during the grants phase", lines.get(0));
        assertEquals(
                "baton-aws: to fix: "
                        + ErrorLines.outOfMemoryAdvice(Runtime.getRuntime().maxMemory()),
                lines.get(1));
        assertEquals(
                "give the JVM a larger heap than its 768 MiB and run the same command again (a sync continues where it"
                        + " stopped), e.g. JAVA_OPTS=-Xmx2g for bin/baton-aws, JAVA_TOOL_OPTIONS=-Xmx2g for the"
                        + " container, java -Xmx2g -jar for the jar",
                ErrorLines.outOfMemoryAdvice(768L * 1024 * 1024));
    }

    @Test
    void adviceOfANestedAwsFailureIsTheSecondLine() {
        AwsCallException call = new AwsCallException(
                "iam",
                "ListUsers",
                "1",
                "",
                ErrorKind.ACCESS_DENIED,
                "AccessDenied",
                "User: x is not authorized",
                "allow iam:ListUsers in the IAM policy of x",
                null);
        List<String> lines =
                ErrorLines.of(new IllegalStateException("baton-aws: sync failed: " + call.getMessage(), call));

        assertEquals(
                List.of(
                        "baton-aws: sync failed: iam:ListUsers (account 1): AccessDenied: User: x is not "
                                + "authorized",
                        "baton-aws: to fix: allow iam:ListUsers in the IAM policy of x"),
                lines);
    }
}
