package dev.baton.aws.spi;

/** A failure that stops the sync; its message names the call and the object, never a credential. */
public class SyncException extends Exception {
    private static final long serialVersionUID = 1L;

    public SyncException(String message) {
        super(message);
    }

    public SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
