package dev.baton.aws.aws;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Classifies SDK exceptions once, so callers act on an {@link ErrorKind} instead of error-code strings. */
public final class AwsErrors {
    private static final Set<String> THROTTLING = Set.of(
            "Throttling",
            "ThrottlingException",
            "ThrottledException",
            "RequestThrottledException",
            "TooManyRequestsException",
            "ProvisionedThroughputExceededException",
            "RequestLimitExceeded",
            "BandwidthLimitExceeded",
            "RequestThrottled",
            "SlowDown",
            "EC2ThrottledException");
    private static final Set<String> ACCESS_DENIED = Set.of(
            "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AWSOrganizationsNotInUseException");
    private static final Set<String> NOT_FOUND = Set.of(
            "NoSuchEntity",
            "NoSuchEntityException",
            "ResourceNotFoundException",
            "AccountNotFoundException",
            "ParentNotFoundException");
    private static final Set<String> CREDENTIALS = Set.of(
            "ExpiredToken",
            "ExpiredTokenException",
            "InvalidClientTokenId",
            "UnrecognizedClientException",
            "SignatureDoesNotMatch",
            "InvalidSignatureException",
            "IncompleteSignature",
            "MissingAuthenticationToken");
    private static final Set<String> CONFLICT = Set.of(
            "EntityAlreadyExists",
            "EntityAlreadyExistsException",
            "ConflictException",
            "DeleteConflict",
            "DeleteConflictException");
    private static final Set<String> INVALID = Set.of(
            "ValidationException",
            "ValidationError",
            "InvalidInput",
            "InvalidInputException",
            "MalformedPolicyDocument",
            "LimitExceeded");

    private AwsErrors() {}

    /** True for the error codes AWS services use when a caller exceeds its request rate. */
    static boolean isThrottlingCode(String code) {
        return THROTTLING.contains(code);
    }

    static Set<String> throttlingCodes() {
        return THROTTLING;
    }

    /** The AWS error code of {@code e}, or its simple class name for client-side failures. */
    public static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException service
                && service.awsErrorDetails() != null
                && service.awsErrorDetails().errorCode() != null) {
            return service.awsErrorDetails().errorCode();
        }
        return e.getClass().getSimpleName();
    }

    public static ErrorKind classify(SdkException e) {
        if (isCredentialFailure(e)) {
            return ErrorKind.CREDENTIALS;
        }
        String code = errorCode(e);
        if (THROTTLING.contains(code)) {
            return ErrorKind.THROTTLED;
        }
        if (ACCESS_DENIED.contains(code)) {
            return ErrorKind.ACCESS_DENIED;
        }
        if (NOT_FOUND.contains(code)) {
            return ErrorKind.NOT_FOUND;
        }
        if (CREDENTIALS.contains(code)) {
            return ErrorKind.CREDENTIALS;
        }
        if (CONFLICT.contains(code)) {
            return ErrorKind.CONFLICT;
        }
        if (INVALID.contains(code)) {
            return ErrorKind.INVALID_INPUT;
        }
        if (isTransient(e)) {
            return ErrorKind.TRANSIENT;
        }
        return ErrorKind.OTHER;
    }

    /**
     * A 5xx answer, or a request that never got one (connection refused or reset, a body cut short, a read time-out):
     * AWS may well answer the same request on another try. A failure to load credentials is never transient.
     *
     * <p>The SDK parses IAM's and STS's XML replies as they stream in, so a body cut short or stalled past the read
     * time-out reaches us as "Unable to unmarshall response" caused by an {@link XMLStreamException} (which keeps
     * the I/O failure out of its cause chain, or has none when the stream simply ended early). AWS does not send
     * XML that fails to parse, so such a reply was damaged on the way: transient, and bounded by the retry budget
     * like every other transient failure. (JSON replies cut short already fail with an I/O cause.)
     */
    static boolean isTransient(SdkException e) {
        if (e instanceof AwsServiceException service) {
            return service.statusCode() >= 500;
        }
        if (!(e instanceof SdkClientException)
                || String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
            return false;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause instanceof XMLStreamException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure to obtain credentials (an STS error raised while resolving the caller's credentials) is never a
     * skippable AccessDenied: a broken credential chain must fail the sync, not silently shrink it.
     */
    static boolean isCredentialFailure(SdkException e) {
        if (!(e instanceof SdkClientException) || e instanceof AwsServiceException) {
            return false;
        }
        if (FailureAdvice.isChainFailure(e)) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof StsException) {
                return true;
            }
        }
        return false;
    }

    /** Wraps {@code e} with its call context, AWS's own message when it matters, and advice (see FailureAdvice). */
    public static AwsCallException wrap(AwsOperation operation, SdkException e) {
        ErrorKind kind = classify(e);
        FailureAdvice.Text text = FailureAdvice.of(operation.service(), operation.operation(), kind, e);
        return new AwsCallException(operation, kind, errorCode(e), text.detail(), text.advice(), e);
    }

    /** A retryable failure that lasted longer than the call's retry budget. */
    static AwsCallException budgetSpent(AwsOperation operation, AwsCallException last, Duration budget, int retries) {
        return new AwsCallException(
                operation,
                last.kind(),
                last.errorCode(),
                "still failing after " + retries
                        + (retries == 1 ? " retry" : " retries") + " within the retry budget of " + human(budget)
                        + " (--retry-budget)",
                last.advice(),
                last.getCause());
    }

    /** {@code 90s} as {@code 1m30s}, {@code 600s} as {@code 10m}. */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds / 60 + "m" + seconds % 60 + "s";
    }

    /** Wraps {@code e} with its call context; see {@link #wrap(AwsOperation, SdkException)}. */
    public static AwsCallException wrap(
            String service, String operation, String accountId, String resource, SdkException e) {
        return wrap(new AwsOperation(service, operation, accountId, resource), e);
    }
}
