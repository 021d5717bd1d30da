package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.SsoEmail;
import dev.baton.aws.simulator.world.SsoGroup;
import dev.baton.aws.simulator.world.SsoUser;
import dev.baton.aws.simulator.world.WorldState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Identity Store user writes: CreateUser and DeleteUser. */
final class IdentityStoreUsers {
    private final WorldState state;

    IdentityStoreUsers(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    /** User names are unique regardless of case in an identity store, as in AWS. */
    JsonNode create(IdentityCenter ignored, JsonRequest request) {
        String userName = request.required("UserName");
        JsonRequest name = request.object("Name");
        String givenName = nonNull(name.optional("GivenName"));
        String familyName = nonNull(name.optional("FamilyName"));
        String displayName = request.optional("DisplayName");
        List<SsoEmail> emails = emails(request.node("Emails"));
        SsoUser created = state.updateAndGet(world -> {
            IdentityCenter identityCenter = world.identityCenter();
            boolean taken =
                    identityCenter.users().stream().anyMatch(u -> u.userName().equalsIgnoreCase(userName));
            if (taken) {
                throw new AwsFault(400, "ConflictException", "Duplicate UserName " + userName);
            }
            SsoUser user = new SsoUser(
                    newUserId(identityCenter, userName),
                    userName,
                    displayName == null ? userName : displayName,
                    givenName,
                    familyName,
                    emails,
                    "ENABLED",
                    List.of());
            List<SsoUser> users = new ArrayList<>(identityCenter.users());
            users.add(user);
            return new WorldState.Change<>(world.withIdentityCenter(identityCenter.withUsers(users)), user);
        });
        return object().put("IdentityStoreId", state.world().identityCenter().identityStoreId())
                .put("UserId", created.id());
    }

    /**
     * Deleting a user also ends its group memberships and account assignments, so the world stays loadable
     * (a world file may not name a missing principal).
     */
    JsonNode delete(IdentityCenter ignored, JsonRequest request) {
        String userId = request.required("UserId");
        state.update(world -> {
            IdentityCenter identityCenter = world.identityCenter();
            IdentityStoreService.userOf(identityCenter, userId);
            List<SsoUser> users = identityCenter.users().stream()
                    .filter(u -> !u.id().equals(userId))
                    .toList();
            List<SsoGroup> groups = identityCenter.groups().stream()
                    .map(group -> group.withMembers(group.members().stream()
                            .filter(member -> !member.equals(userId))
                            .toList()))
                    .toList();
            var assignments = identityCenter.assignments().stream()
                    .filter(a -> !(a.principalType().equals("USER")
                            && a.principalId().equals(userId)))
                    .toList();
            return world.withIdentityCenter(
                    identityCenter.withUsers(users).withGroups(groups).withAssignments(assignments));
        });
        return object();
    }

    /** Deterministic, so a test or a replayed demo sees the same id for the same store and user name. */
    private static String newUserId(IdentityCenter identityCenter, String userName) {
        String seed = "user:" + identityCenter.identityStoreId() + ":" + userName.toLowerCase(Locale.ROOT);
        String id =
                UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
        while (identityCenter.user(id).isPresent()) {
            id = UUID.nameUUIDFromBytes((seed + id).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }
        return id;
    }

    private static List<SsoEmail> emails(JsonNode emails) {
        List<SsoEmail> result = new ArrayList<>();
        if (emails.isArray()) {
            for (JsonNode email : emails) {
                JsonRequest entry = new JsonRequest(email, IdentityStoreService.VALIDATION);
                result.add(new SsoEmail(
                        entry.required("Value"),
                        nonNull(entry.optional("Type")),
                        email.path("Primary").asBoolean(false)));
            }
        }
        return result;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
