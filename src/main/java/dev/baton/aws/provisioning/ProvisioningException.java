package dev.baton.aws.provisioning;

import static java.util.Objects.requireNonNull;

/** A provisioning task that did not happen; the message is one line for the user and names the offending id. */
public final class ProvisioningException extends Exception {
    private static final long serialVersionUID = 1L;

    /** USAGE: the request is wrong (exit 2); FAILED: the write was attempted and AWS refused or failed (exit 1). */
    public enum Kind {
        USAGE,
        FAILED
    }

    private final Kind kind;

    public ProvisioningException(Kind kind, String message) {
        super(message);
        this.kind = requireNonNull(kind, "kind is null");
    }

    public ProvisioningException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = requireNonNull(kind, "kind is null");
    }

    static ProvisioningException usage(String message) {
        return new ProvisioningException(Kind.USAGE, message);
    }

    public Kind kind() {
        return kind;
    }
}
