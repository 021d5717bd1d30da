package dev.baton.aws.simulator.fault;

/** What the fault gate decided for one call. */
public enum Verdict {
    PASS,
    THROTTLED,
    /** A retryable 500 {@code InternalFailure}. */
    INTERNAL_FAILURE,
    /** A retryable 503 {@code ServiceUnavailable}. */
    SERVICE_UNAVAILABLE
}
