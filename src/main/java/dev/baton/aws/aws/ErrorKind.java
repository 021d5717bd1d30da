package dev.baton.aws.aws;

/**
 * What an AWS failure means for the caller; switch over it without a default branch. The two questions every caller
 * asks are answered here once: may the one object be skipped ({@link #skippable()}), and may the call be tried again
 * ({@link #retryable()}).
 */
public enum ErrorKind {
    /** The caller exceeded a rate: AWS will answer later. */
    THROTTLED,
    /** A server-side 5xx or a broken connection: AWS may answer on another try. */
    TRANSIENT,
    ACCESS_DENIED,
    NOT_FOUND,
    CREDENTIALS,
    CONFLICT,
    INVALID_INPUT,
    OTHER;

    /**
     * Only a single object that is gone or hidden from us may be skipped (with a warning naming it); everything
     * else stops the sync, so that a sync never silently shrinks.
     */
    public boolean skippable() {
        return switch (this) {
            case NOT_FOUND, ACCESS_DENIED -> true;
            case THROTTLED, TRANSIENT, CREDENTIALS, CONFLICT, INVALID_INPUT, OTHER -> false;
        };
    }

    /** Failures worth another attempt after a pause. */
    public boolean retryable() {
        return switch (this) {
            case THROTTLED, TRANSIENT -> true;
            case ACCESS_DENIED, NOT_FOUND, CREDENTIALS, CONFLICT, INVALID_INPUT, OTHER -> false;
        };
    }
}
