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

    public AwsCallException(String service, String operation, String accountId, String resource, ErrorKind kind,
                            String errorCode, Throwable cause) {
        this(new AwsOperation(service, operation, accountId, resource), kind, errorCode, "", cause);
    }

    /**
     * @param detail appended to the message after the error code ({@code …: ThrottlingException: still failing…}),
     *               or empty
     */
    public AwsCallException(AwsOperation call, ErrorKind kind, String errorCode, String detail, Throwable cause) {
        super(message(call.service(), call.operation(), call.accountId(), call.resource(), errorCode)
                + (detail.isEmpty() ? "" : ": " + detail), cause);
        this.service = call.service();
        this.operation = call.operation();
        this.accountId = call.accountId();
        this.resource = call.resource();
        this.kind = requireNonNull(kind, "kind is null");
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    private static String message(String service, String operation, String accountId, String resource,
                                  String errorCode) {
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
     * AWS's own explanation of the failure in parentheses, e.g. {@code " (The user with name bob cannot be
     * found.)"}, or empty when AWS gave none; it never contains a secret.
     */
    public String awsMessage() {
        if (getCause() instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            String message = service.awsErrorDetails().errorMessage();
            if (message != null && !message.isBlank()) {
                return " (" + message + ")";
            }
        }
        return "";
    }

    /** The AWS error code (e.g. {@code NoSuchEntity}) or the exception's simple name when there is none. */
    public String errorCode() {
        return errorCode;
    }
}
