package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

/**
 * An AWS error answer: the server turns it into the protocol's error body (query XML or JSON 1.1) with this
 * HTTP status. Services throw it from any action; the message must never contain a secret.
 */
public final class AwsFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;

    public AwsFault(int httpStatus, String code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = requireNonNull(code, "code is null");
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String code() {
        return code;
    }

    /** Query-protocol {@code Type}: 5xx faults are the service's, everything else the caller's. */
    public String type() {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }
}
