package dev.baton.aws.c1z;

import java.util.Objects;

/**
 * One rule a c1z file breaks.
 *
 * @param check the group of rules: envelope, schema, sync, storage, protobuf, integrity, traits or annotations
 */
public record Violation(String check, String message) {
    public Violation {
        Objects.requireNonNull(check, "check is null");
        Objects.requireNonNull(message, "message is null");
    }

    /** {@code FAIL [check] message}. */
    public String line() {
        return "FAIL [" + check + "] " + message;
    }
}
