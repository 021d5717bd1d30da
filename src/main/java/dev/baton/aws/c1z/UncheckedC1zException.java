package dev.baton.aws.c1z;

import java.util.Objects;

/**
 * Wraps a {@link C1zException} thrown from methods whose signatures cannot declare it (the put and lookup
 * methods used inside the sync loop), like {@link java.io.UncheckedIOException} does for I/O.
 */
public final class UncheckedC1zException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UncheckedC1zException(C1zException cause) {
        super(Objects.requireNonNull(cause, "cause is null").getMessage(), cause);
    }

    @Override
    public synchronized C1zException getCause() {
        return (C1zException) super.getCause();
    }
}
