package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * An AWS call that failed, with enough context to act on it and to tell the user what happened, e.g.
 * {@code iam:GetRole on arn:aws:iam::111122223333:role/x (account 111122223333): AccessDenied}.
 */
public final class AwsCallException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String operation;
    private final String accountId;
    private final String resource;
    private final ErrorKind kind;
    private final String errorCode;
    private final String advice;

    public AwsCallException(
            String service,
            String operation,
            String accountId,
            String resource,
            ErrorKind kind,
            String errorCode,
            Throwable cause) {
        this(new AwsOperation(service, operation, accountId, resource), kind, errorCode, "", "", cause);
    }

    public AwsCallException(
            String service,
            String operation,
            String accountId,
            String resource,
            ErrorKind kind,
            String errorCode,
            String detail,
            String advice,
            Throwable cause) {
        this(new AwsOperation(service, operation, accountId, resource), kind, errorCode, detail, advice, cause);
    }

    /**
     * @param detail appended to the message after the error code ({@code …: ThrottlingException: still failing…}),
     *               or empty
     */
    public AwsCallException(AwsOperation call, ErrorKind kind, String errorCode, String detail, Throwable cause) {
        this(call, kind, errorCode, detail, "", cause);
    }

    /**
     * @param detail what follows the error code in the message: AWS's own explanation of an access denial, the
     *               cause of a failure without an AWS error code (no credentials, connection refused) or how long
     *               retries lasted; never a secret
     * @param advice what the user can do about it, one sentence, or ""
     */
    public AwsCallException(
            AwsOperation call, ErrorKind kind, String errorCode, String detail, String advice, Throwable cause) {
        super(
                message(
                        call.service(),
                        call.operation(),
                        call.accountId(),
                        call.resource(),
                        errorCode,
                        requireNonNull(detail, "detail is null")),
                cause);
        this.advice = requireNonNull(advice, "advice is null");
        this.service = call.service();
        this.operation = call.operation();
        this.accountId = call.accountId();
        this.resource = call.resource();
        this.kind = requireNonNull(kind, "kind is null");
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    /** A client-side failure's class name says nothing the detail does not say better. */
    private static String message(
            String service, String operation, String accountId, String resource, String errorCode, String detail) {
        String head = message(service, operation, accountId, resource, errorCode);
        if (detail.isEmpty()) {
            return head;
        }
        return errorCode.equals("SdkClientException")
                ? head.substring(0, head.length() - errorCode.length()) + detail
                : head + ": " + detail;
    }

    private static String message(
            String service, String operation, String accountId, String resource, String errorCode) {
        StringBuilder text = new StringBuilder(service).append(':').append(operation);
        if (!resource.isEmpty()) {
            text.append(" on ").append(resource);
        }
        if (!accountId.isEmpty()) {
            text.append(" (account ").append(accountId).append(')');
        }
        return text.append(": ").append(errorCode).toString();
    }

    /** The failed call: service, operation, account and object. */
    public AwsOperation call() {
        return new AwsOperation(service, operation, accountId, resource);
    }

    public String service() {
        return service;
    }

    public String operation() {
        return operation;
    }

    public String accountId() {
        return accountId;
    }

    public String resource() {
        return resource;
    }

    public ErrorKind kind() {
        return kind;
    }

    /**
     * /**
     * The message with AWS's own explanation of the failure (e.g. "The user with name bob cannot be found.") added
     * in parentheses, unless the message already carries it (access denials and credential errors do).
     */
    public String messageWithAwsExplanation() {
        if (getCause() instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String explanation = service.awsErrorDetails().errorMessage();
            if (explanation != null && !explanation.isBlank() && !getMessage().contains(explanation.strip())) {
                return getMessage() + " (" + explanation.strip() + ")";
            }
        }
        return getMessage();
    }

    /** What the user can do about this failure (a missing permission, a wrong external id, no credentials), or "". */
    public String advice() {
        return advice;
    }

    /** The AWS error code (e.g. {@code NoSuchEntity}) or the exception's simple name when there is none. */
    public String errorCode() {
        return errorCode;
    }
}
