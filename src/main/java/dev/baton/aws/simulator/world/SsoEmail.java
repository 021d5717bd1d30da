package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** An email address of an Identity Center user. */
public record SsoEmail(String value, String type, boolean primary) {
    public SsoEmail {
        requireNonNull(value, "value is null");
        requireNonNull(type, "type is null");
    }
}
