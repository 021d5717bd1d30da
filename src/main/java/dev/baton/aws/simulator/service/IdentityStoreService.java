package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.ExternalId;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.SsoEmail;
import dev.baton.aws.simulator.world.SsoGroup;
import dev.baton.aws.simulator.world.SsoUser;
import dev.baton.aws.simulator.world.WorldState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Identity Store of the Identity Center instance ({@code AWSIdentityStore.*}): users and groups here, group
 * memberships in {@link IdentityStoreMemberships}, user writes in {@link IdentityStoreUsers}.
 */
public final class IdentityStoreService implements JsonService {
    static final String VALIDATION = "ValidationException";

    private final WorldState state;
    private final AccountAssignmentRequests requests;
    private final IdentityCenterGuard guard = new IdentityCenterGuard("identitystore");
    private final JsonPaging paging = new JsonPaging(VALIDATION, VALIDATION, 100, "identityStore");
    private final IdentityStoreMemberships memberships;
    private final IdentityStoreUsers users;

    /** @param requests pending assignment changes, settled before each call as SSO Admin does */
    public IdentityStoreService(WorldState state, AccountAssignmentRequests requests) {
        this.state = requireNonNull(state, "state is null");
        this.requests = requireNonNull(requests, "requests is null");
        this.memberships = new IdentityStoreMemberships(state, paging);
        this.users = new IdentityStoreUsers(state);
    }

    @Override
    public String targetPrefix() {
        return "AWSIdentityStore";
    }

    @Override
    public String statsPrefix() {
        return "identitystore";
    }

    /** SSO Admin and Identity Store share one quota, as in AWS. */
    @Override
    public String rateScope(Caller caller) {
        return "identityCenter";
    }

    @Override
    public String throttlingCode() {
        return "ThrottlingException";
    }

    @Override
    public Map<String, JsonAction> actions() {
        Map<String, JsonAction> actions = new LinkedHashMap<>();
        add(actions, "ListUsers", this::listUsers);
        add(actions, "DescribeUser", (ic, request) -> user(ic, userOf(ic, request.required("UserId"))));
        add(actions, "ListGroups", this::listGroups);
        add(actions, "DescribeGroup", (ic, request) -> group(ic, groupOf(ic, request.required("GroupId"))));
        add(actions, "ListGroupMemberships", memberships::list);
        add(actions, "ListGroupMembershipsForMember", memberships::listForMember);
        add(actions, "GetGroupMembershipId", memberships::getId);
        add(actions, "CreateGroupMembership", memberships::create);
        add(actions, "DeleteGroupMembership", memberships::delete);
        add(actions, "CreateUser", users::create);
        add(actions, "DeleteUser", users::delete);
        return Map.copyOf(actions);
    }

    /** One action on the store, already past the caller, owner and store-id checks. */
    @FunctionalInterface
    interface Action {
        JsonNode handle(IdentityCenter identityCenter, JsonRequest request);
    }

    private void add(Map<String, JsonAction> actions, String name, Action action) {
        actions.put(name, (caller, body) -> {
            requests.settle();
            IdentityCenter identityCenter = guard.require(state.world(), caller, name);
            JsonRequest request = new JsonRequest(body, VALIDATION);
            IdentityCenterGuard.checkIdentityStore(identityCenter, request);
            return action.handle(identityCenter, request);
        });
    }

    private JsonNode listUsers(IdentityCenter identityCenter, JsonRequest request) {
        String userName = filterValue(request, "UserName");
        List<SsoUser> matching = identityCenter.users().stream()
                .filter(user -> userName == null || user.userName().equalsIgnoreCase(userName))
                .toList();
        var slice = paging.page(matching, request, pageSize());
        return JsonReplies.page("Users", slice, user -> user(identityCenter, user));
    }

    private JsonNode listGroups(IdentityCenter identityCenter, JsonRequest request) {
        String displayName = filterValue(request, "DisplayName");
        List<SsoGroup> matching = identityCenter.groups().stream()
                .filter(group -> displayName == null || group.displayName().equalsIgnoreCase(displayName))
                .toList();
        var slice = paging.page(matching, request, pageSize());
        return JsonReplies.page("Groups", slice, group -> group(identityCenter, group));
    }

    /** The value of the one filter AWS supports for the listing, or {@code null} without filters. */
    private static String filterValue(JsonRequest request, String attributePath) {
        JsonNode filters = request.node("Filters");
        if (!filters.isArray() || filters.isEmpty()) {
            return null;
        }
        if (filters.size() > 1) {
            throw new AwsFault(400, VALIDATION, "Only one filter is supported");
        }
        JsonRequest filter = new JsonRequest(filters.get(0), VALIDATION);
        if (!filter.required("AttributePath").equals(attributePath)) {
            throw new AwsFault(400, VALIDATION, "Unsupported AttributePath " + filter.optional("AttributePath"));
        }
        return filter.required("AttributeValue");
    }

    private int pageSize() {
        return state.world().limits().pageSize(paging.pageSizeKey());
    }

    static SsoUser userOf(IdentityCenter identityCenter, String userId) {
        return identityCenter.user(userId).orElseThrow(() -> notFound("USER", userId));
    }

    static SsoGroup groupOf(IdentityCenter identityCenter, String groupId) {
        return identityCenter.group(groupId).orElseThrow(() -> notFound("GROUP", groupId));
    }

    static AwsFault notFound(String resourceType, String resourceId) {
        String kind = resourceType.toLowerCase(Locale.ROOT).replace('_', ' ');
        return new AwsFault(400, "ResourceNotFoundException", "The " + kind + " " + resourceId + " does not exist.");
    }

    static ObjectNode user(IdentityCenter identityCenter, SsoUser user) {
        ObjectNode node = object().put("IdentityStoreId", identityCenter.identityStoreId())
                .put("UserId", user.id())
                .put("UserName", user.userName());
        putExternalIds(node, user.externalIds());
        node.putObject("Name")
                .put("GivenName", user.givenName())
                .put("FamilyName", user.familyName())
                .put("Formatted", (user.givenName() + " " + user.familyName()).trim());
        node.put("DisplayName", user.displayName());
        if (!user.emails().isEmpty()) {
            ArrayNode emails = node.putArray("Emails");
            for (SsoEmail email : user.emails()) {
                emails.addObject()
                        .put("Value", email.value())
                        .put("Type", email.type())
                        .put("Primary", email.primary());
            }
        }
        return node.put("UserStatus", user.status());
    }

    static ObjectNode group(IdentityCenter identityCenter, SsoGroup group) {
        ObjectNode node = object().put("GroupId", group.id()).put("DisplayName", group.displayName());
        putExternalIds(node, group.externalIds());
        if (!group.description().isEmpty()) {
            node.put("Description", group.description());
        }
        return node.put("IdentityStoreId", identityCenter.identityStoreId());
    }

    private static void putExternalIds(ObjectNode node, List<ExternalId> externalIds) {
        if (!externalIds.isEmpty()) {
            ArrayNode array = node.putArray("ExternalIds");
            externalIds.forEach(
                    id -> array.addObject().put("Issuer", id.issuer()).put("Id", id.id()));
        }
    }
}
