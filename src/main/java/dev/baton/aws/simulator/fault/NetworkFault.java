package dev.baton.aws.simulator.fault;

/** What the transport does to one reply. */
public enum NetworkFault {
    /** The reply goes out whole. */
    NONE,
    /** The connection is closed before any byte of the reply. */
    DROP_CONNECTION,
    /** The headers announce the whole body, half of it is written, then the connection is closed. */
    TRUNCATE_BODY,
    /** Half of the body is written, then the rest after a pause. */
    SLOW_BODY
}
