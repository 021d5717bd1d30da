package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/** Optional Identity Center SCIM endpoint used to read user status ({@code --scim-*}). */
public record ScimConfig(boolean enabled, String endpoint, Secret token) {
    public ScimConfig {
        requireNonNull(endpoint, "endpoint is null");
        requireNonNull(token, "token is null");
    }

    public static ScimConfig disabled() {
        return new ScimConfig(false, "", new Secret(""));
    }
}
