package dev.baton.aws.c1z;

import java.nio.file.Path;

/** A c1z file could not be written or read. The message says what is wrong and names the file. */
public class C1zException extends Exception {
    private static final long serialVersionUID = 1L;

    public C1zException(String message) {
        super(message);
    }

    public C1zException(String message, Throwable cause) {
        super(message, cause);
    }

    static C1zException of(Path file, String problem) {
        return new C1zException(file + ": " + problem);
    }

    static C1zException of(Path file, String problem, Throwable cause) {
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new C1zException(file + ": " + problem + " (" + detail + ")", cause);
    }
}
