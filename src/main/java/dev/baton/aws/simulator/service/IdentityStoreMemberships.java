package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.SsoGroup;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Identity Store group memberships. The world stores members as user ids per group; a membership id is derived
 * from (store, group, user), so it is stable across restarts and the same after a delete and re-create.
 */
final class IdentityStoreMemberships {
    private final WorldState state;
    private final JsonPaging paging;

    IdentityStoreMemberships(WorldState state, JsonPaging paging) {
        this.state = requireNonNull(state, "state is null");
        this.paging = requireNonNull(paging, "paging is null");
    }

    /** One member of one group. */
    private record Membership(String groupId, String userId) {}

    static String membershipId(IdentityCenter identityCenter, String groupId, String userId) {
        String name = "membership:" + identityCenter.identityStoreId() + ":" + groupId + ":" + userId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    JsonNode list(IdentityCenter identityCenter, JsonRequest request) {
        SsoGroup group = IdentityStoreService.groupOf(identityCenter, request.required("GroupId"));
        List<Membership> members = group.members().stream()
                .map(userId -> new Membership(group.id(), userId))
                .toList();
        return page(identityCenter, members, request);
    }

    JsonNode listForMember(IdentityCenter identityCenter, JsonRequest request) {
        String userId = memberUserId(request);
        IdentityStoreService.userOf(identityCenter, userId);
        List<Membership> memberships = identityCenter.groups().stream()
                .filter(group -> group.members().contains(userId))
                .map(group -> new Membership(group.id(), userId))
                .toList();
        return page(identityCenter, memberships, request);
    }

    JsonNode getId(IdentityCenter identityCenter, JsonRequest request) {
        SsoGroup group = IdentityStoreService.groupOf(identityCenter, request.required("GroupId"));
        String userId = memberUserId(request);
        if (!group.members().contains(userId)) {
            throw IdentityStoreService.notFound("GROUP_MEMBERSHIP", group.id() + "/" + userId);
        }
        return idReply(identityCenter, group.id(), userId);
    }

    JsonNode create(IdentityCenter ignored, JsonRequest request) {
        String groupId = request.required("GroupId");
        String userId = memberUserId(request);
        state.update(world -> {
            IdentityCenter identityCenter = world.identityCenter();
            SsoGroup group = IdentityStoreService.groupOf(identityCenter, groupId);
            IdentityStoreService.userOf(identityCenter, userId);
            if (group.members().contains(userId)) {
                throw new AwsFault(
                        400, "ConflictException", "Member " + userId + " already exists in group " + groupId);
            }
            List<String> members = new ArrayList<>(group.members());
            members.add(userId);
            return replaceGroup(world, group.withMembers(members));
        });
        return idReply(state.world().identityCenter(), groupId, userId);
    }

    JsonNode delete(IdentityCenter ignored, JsonRequest request) {
        String membershipId = request.required("MembershipId");
        state.update(world -> {
            IdentityCenter identityCenter = world.identityCenter();
            for (SsoGroup group : identityCenter.groups()) {
                for (String userId : group.members()) {
                    if (membershipId(identityCenter, group.id(), userId).equals(membershipId)) {
                        List<String> members = new ArrayList<>(group.members());
                        members.remove(userId);
                        return replaceGroup(world, group.withMembers(members));
                    }
                }
            }
            throw IdentityStoreService.notFound("GROUP_MEMBERSHIP", membershipId);
        });
        return object();
    }

    static World replaceGroup(World world, SsoGroup changed) {
        IdentityCenter identityCenter = world.identityCenter();
        List<SsoGroup> groups = identityCenter.groups().stream()
                .map(group -> group.id().equals(changed.id()) ? changed : group)
                .toList();
        return world.withIdentityCenter(identityCenter.withGroups(groups));
    }

    private JsonNode page(IdentityCenter identityCenter, List<Membership> memberships, JsonRequest request) {
        var slice = paging.page(memberships, request, state.world().limits().pageSize(paging.pageSizeKey()));
        return JsonReplies.page("GroupMemberships", slice, membership -> {
            ObjectNode node = object().put("IdentityStoreId", identityCenter.identityStoreId())
                    .put("MembershipId", membershipId(identityCenter, membership.groupId(), membership.userId()))
                    .put("GroupId", membership.groupId());
            node.putObject("MemberId").put("UserId", membership.userId());
            return node;
        });
    }

    /** {@code MemberId} is a union; users are its only member kind. */
    private static String memberUserId(JsonRequest request) {
        return request.object("MemberId").required("UserId");
    }

    private static JsonNode idReply(IdentityCenter identityCenter, String groupId, String userId) {
        return object().put("MembershipId", membershipId(identityCenter, groupId, userId))
                .put("IdentityStoreId", identityCenter.identityStoreId());
    }
}
