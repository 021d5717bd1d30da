package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/** A secret value (secret key, session token, SCIM token, client secret). It never prints itself. */
public record Secret(String value) {
    public Secret {
        requireNonNull(value, "value is null");
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "***";
    }
}
