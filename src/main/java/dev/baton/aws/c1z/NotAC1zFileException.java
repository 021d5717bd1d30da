package dev.baton.aws.c1z;

/** An existing output file that is not a c1z, refused rather than overwritten; the message names the file. */
public final class NotAC1zFileException extends C1zException {
    private static final long serialVersionUID = 1L;

    NotAC1zFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
