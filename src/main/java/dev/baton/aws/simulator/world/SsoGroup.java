package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** An Identity Store group; {@code members} are user ids. */
public record SsoGroup(
        String id, String displayName, String description, List<ExternalId> externalIds, List<String> members) {
    public SsoGroup {
        requireNonNull(id, "id is null");
        requireNonNull(displayName, "displayName is null");
        requireNonNull(description, "description is null");
        externalIds = List.copyOf(externalIds);
        members = List.copyOf(members);
    }

    public SsoGroup withMembers(List<String> newMembers) {
        return new SsoGroup(id, displayName, description, externalIds, newMembers);
    }
}
