package dev.baton.aws.aws;

/** What an AWS failure means for the caller; switch over it without a default branch. */
public enum ErrorKind {
    THROTTLED,
    ACCESS_DENIED,
    NOT_FOUND,
    CREDENTIALS,
    CONFLICT,
    INVALID_INPUT,
    OTHER
}
