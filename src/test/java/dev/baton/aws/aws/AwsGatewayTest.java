package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsGatewayTest {
    private static final AwsOperation LIST =
            AwsOperation.of("sso", "ListPermissionSets").in("111111111111");

    private final AtomicLong now = new AtomicLong();
    private final List<Duration> pauses = new ArrayList<>();
    private final AwsGateway gateway = new AwsGateway(
            RetryBudget.of(Duration.ofMinutes(2)),
            duration -> {
                pauses.add(duration);
                now.addAndGet(duration.toNanos());
            },
            now::get);

    @Test
    void throttlingIsRetriedUntilTheCallSucceeds() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        String result = gateway.call(LIST, () -> {
            if (attempts.incrementAndGet() < 4) {
                throw failure(400, "ThrottlingException");
            }
            return "ok";
        });
        assertEquals("ok", result);
        assertEquals(3, pauses.size());
        assertTrue(pauses.get(2).compareTo(pauses.get(0)) > 0, "pauses grow: " + pauses);
    }

    @Test
    void serverErrorsAndBrokenConnectionsAreRetriedToo() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        assertEquals("ok", gateway.call(LIST, () -> switch (attempts.incrementAndGet()) {
            case 1 -> throw failure(503, "ServiceUnavailable");
            case 2 ->
                throw SdkClientException.create(
                        "Unable to execute HTTP request", new java.net.SocketException("Connection reset"));
            default -> "ok";
        }));
        assertEquals(2, pauses.size());
    }

    @Test
    void aCallThatKeepsFailingPastItsBudgetNamesTheOperationTheAccountAndTheBudget() {
        AwsCallException e = assertThrows(
                AwsCallException.class,
                () -> gateway.call(LIST, () -> {
                    throw failure(400, "ThrottlingException");
                }));
        assertEquals(ErrorKind.THROTTLED, e.kind());
        assertTrue(
                e.getMessage()
                        .startsWith("sso:ListPermissionSets (account 111111111111): ThrottlingException: "
                                + "still failing after "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("within the retry budget of 2m (--retry-budget)"), e.getMessage());
        assertTrue(now.get() <= Duration.ofMinutes(2).toNanos(), "never sleeps past the budget");
    }

    @Test
    void failuresThatAnotherTryCannotFixAreThrownAtOnce() {
        AwsCallException e = assertThrows(
                AwsCallException.class,
                () -> gateway.call(LIST.on("arn:ps"), () -> {
                    throw failure(400, "AccessDeniedException");
                }));
        assertEquals(ErrorKind.ACCESS_DENIED, e.kind());
        // an access denial carries AWS's own explanation ("m" here), which names the missing permission
        assertEquals(
                "sso:ListPermissionSets on arn:ps (account 111111111111): AccessDeniedException: m", e.getMessage());
        assertTrue(pauses.isEmpty());
    }

    @Test
    void withoutABudgetOnlyTheSdkRetries() {
        AwsGateway sdkOnly = new AwsGateway(RetryBudget.sdkAttemptsOnly(), pauses::add, now::get);
        assertThrows(
                AwsCallException.class,
                () -> sdkOnly.call(LIST, () -> {
                    throw failure(400, "ThrottlingException");
                }));
        assertTrue(pauses.isEmpty());
    }

    private static AwsServiceException failure(int status, String code) {
        return AwsServiceException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(code)
                        .errorMessage("m")
                        .build())
                .build();
    }
}
