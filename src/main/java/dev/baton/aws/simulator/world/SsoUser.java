package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An Identity Store user. {@code status} is ENABLED or DISABLED (SCIM {@code active}). */
public record SsoUser(
        String id,
        String userName,
        String displayName,
        String givenName,
        String familyName,
        List<SsoEmail> emails,
        String status,
        List<ExternalId> externalIds) {
    public SsoUser {
        requireNonNull(id, "id is null");
        requireNonNull(userName, "userName is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(givenName, "givenName is null");
        requireNonNull(familyName, "familyName is null");
        emails = List.copyOf(emails);
        requireNonNull(status, "status is null");
        externalIds = List.copyOf(externalIds);
    }

    public boolean enabled() {
        return "ENABLED".equals(status);
    }
}
