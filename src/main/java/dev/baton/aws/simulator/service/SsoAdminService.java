package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static dev.baton.aws.simulator.service.JsonReplies.putTime;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.baton.aws.simulator.world.AccountAssignment;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.PermissionSet;
import dev.baton.aws.simulator.world.PermissionsBoundary;
import dev.baton.aws.simulator.world.PolicyReference;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * IAM Identity Center administration ({@code SWBExternalService.*}, signing name {@code sso}). Reads are served
 * here; account-assignment writes and their status go through {@link AccountAssignmentRequests}, because AWS
 * applies them asynchronously.
 */
public final class SsoAdminService implements JsonService {
    static final String VALIDATION = "ValidationException";
    /** The world file has no instance creation date; a fixed one keeps replies deterministic. */
    private static final Instant INSTANCE_CREATED = Instant.parse("2020-01-01T00:00:00Z");

    private final WorldState state;
    private final AccountAssignmentRequests requests;
    private final IdentityCenterGuard guard = new IdentityCenterGuard("sso");
    private final IdentityCenterIndex index = new IdentityCenterIndex();
    private final JsonPaging paging = new JsonPaging(VALIDATION, VALIDATION, 100, "ssoAdmin");

    public SsoAdminService(WorldState state, AccountAssignmentRequests requests) {
        this.state = requireNonNull(state, "state is null");
        this.requests = requireNonNull(requests, "requests is null");
    }

    @Override
    public String targetPrefix() {
        return "SWBExternalService";
    }

    @Override
    public String statsPrefix() {
        return "sso";
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
        actions.put("ListInstances", this::listInstances);
        read(actions, "ListPermissionSets", this::listPermissionSets);
        read(actions, "DescribePermissionSet", this::describePermissionSet);
        read(actions, "ListPermissionSetsProvisionedToAccount", this::listPermissionSetsProvisionedToAccount);
        read(actions, "ListAccountsForProvisionedPermissionSet", this::listAccountsForProvisionedPermissionSet);
        read(actions, "ListAccountAssignments", this::listAccountAssignments);
        read(actions, "ListAccountAssignmentsForPrincipal", this::listAccountAssignmentsForPrincipal);
        read(actions, "ListManagedPoliciesInPermissionSet", this::listManagedPolicies);
        read(actions, "ListCustomerManagedPolicyReferencesInPermissionSet", this::listCustomerManagedPolicies);
        read(actions, "GetInlinePolicyForPermissionSet", this::getInlinePolicy);
        read(actions, "GetPermissionsBoundaryForPermissionSet", this::getPermissionsBoundary);
        write(actions, "CreateAccountAssignment", requests::create);
        write(actions, "DeleteAccountAssignment", requests::delete);
        write(actions, "DescribeAccountAssignmentCreationStatus", requests::creationStatus);
        write(actions, "DescribeAccountAssignmentDeletionStatus", requests::deletionStatus);
        return Map.copyOf(actions);
    }

    /** A read of one instance: the caller must own it, and due assignment changes are visible first. */
    private interface Read {
        JsonNode handle(World world, IdentityCenter identityCenter, JsonRequest request);
    }

    private void read(Map<String, JsonAction> actions, String action, Read read) {
        actions.put(action, (caller, body) -> {
            requests.settle();
            World world = state.world();
            IdentityCenter identityCenter = guard.require(world, caller, action);
            JsonRequest request = new JsonRequest(body, VALIDATION);
            IdentityCenterGuard.checkInstance(identityCenter, request);
            return read.handle(world, identityCenter, request);
        });
    }

    private void write(Map<String, JsonAction> actions, String action, AccountAssignmentRequests.Operation write) {
        actions.put(action, (caller, body) -> {
            requests.settle();
            IdentityCenter identityCenter = guard.require(state.world(), caller, action);
            JsonRequest request = new JsonRequest(body, VALIDATION);
            IdentityCenterGuard.checkInstance(identityCenter, request);
            return write.apply(request);
        });
    }

    /** Any account may ask; only the owner sees the instance (others get an empty list, not an error). */
    private JsonNode listInstances(Caller caller, JsonNode body) {
        IdentityCenter identityCenter = state.world().identityCenter();
        boolean visible =
                identityCenter != null && identityCenter.ownerAccountId().equals(caller.accountId());
        List<IdentityCenter> instances = visible ? List.of(identityCenter) : List.of();
        JsonRequest request = new JsonRequest(body, VALIDATION);
        var slice = paging.page(instances, request, pageSize());
        return JsonReplies.page(
                "Instances",
                slice,
                instance -> putTime(
                        object().put("InstanceArn", instance.instanceArn())
                                .put("IdentityStoreId", instance.identityStoreId())
                                .put("OwnerAccountId", instance.ownerAccountId())
                                .put("Status", "ACTIVE"),
                        "CreatedDate",
                        INSTANCE_CREATED));
    }

    private JsonNode listPermissionSets(World world, IdentityCenter identityCenter, JsonRequest request) {
        List<String> arns =
                identityCenter.permissionSets().stream().map(PermissionSet::arn).toList();
        return stringPage("PermissionSets", arns, request);
    }

    private JsonNode describePermissionSet(World world, IdentityCenter identityCenter, JsonRequest request) {
        PermissionSet set = permissionSet(identityCenter, request);
        ObjectNode node = object().put("Name", set.name()).put("PermissionSetArn", set.arn());
        if (!set.description().isEmpty()) {
            node.put("Description", set.description());
        }
        putTime(node, "CreatedDate", set.createdDate()).put("SessionDuration", set.sessionDuration());
        ObjectNode reply = object();
        reply.set("PermissionSet", node);
        return reply;
    }

    private JsonNode listPermissionSetsProvisionedToAccount(
            World world, IdentityCenter identityCenter, JsonRequest request) {
        String accountId = request.required("AccountId");
        List<String> arns = provisioned(request)
                ? index.of(identityCenter).provisionedSetsByAccount().getOrDefault(accountId, List.of())
                : List.of();
        return stringPage("PermissionSets", arns, request);
    }

    private JsonNode listAccountsForProvisionedPermissionSet(
            World world, IdentityCenter identityCenter, JsonRequest request) {
        String arn = permissionSet(identityCenter, request).arn();
        List<String> accounts = provisioned(request)
                ? index.of(identityCenter).provisionedAccountsBySet().getOrDefault(arn, List.of())
                : List.of();
        return stringPage("AccountIds", accounts, request);
    }

    /** Every provisioned pair is up to date here, so asking for the outdated ones finds none. */
    private static boolean provisioned(JsonRequest request) {
        String status = request.optional("ProvisioningStatus");
        if (status == null || status.equals("LATEST_PERMISSION_SET_PROVISIONED")) {
            return true;
        }
        if (status.equals("LATEST_PERMISSION_SET_NOT_PROVISIONED")) {
            return false;
        }
        throw new AwsFault(400, VALIDATION, "Invalid ProvisioningStatus " + status);
    }

    private JsonNode listAccountAssignments(World world, IdentityCenter identityCenter, JsonRequest request) {
        String accountId = request.required("AccountId");
        String arn = permissionSet(identityCenter, request).arn();
        List<AccountAssignment> matching = index.of(identityCenter).assignments(accountId, arn);
        var slice = paging.page(matching, request, pageSize());
        return JsonReplies.page("AccountAssignments", slice, SsoAdminService::assignment);
    }

    private JsonNode listAccountAssignmentsForPrincipal(
            World world, IdentityCenter identityCenter, JsonRequest request) {
        String principalId = request.required("PrincipalId");
        String principalType = AccountAssignmentRequests.principalType(request);
        String accountFilter = request.object("Filter").optional("AccountId");
        List<AccountAssignment> matching = identityCenter.assignments().stream()
                .filter(a ->
                        a.principalId().equals(principalId) && a.principalType().equals(principalType))
                .filter(a -> accountFilter == null || a.accountId().equals(accountFilter))
                .toList();
        var slice = paging.page(matching, request, pageSize());
        return JsonReplies.page("AccountAssignments", slice, SsoAdminService::assignment);
    }

    private JsonNode listManagedPolicies(World world, IdentityCenter identityCenter, JsonRequest request) {
        PermissionSet set = permissionSet(identityCenter, request);
        var slice = paging.page(set.managedPolicies(), request, pageSize());
        return JsonReplies.page(
                "AttachedManagedPolicies",
                slice,
                arn -> object().put("Name", arn.substring(arn.lastIndexOf('/') + 1))
                        .put("Arn", arn));
    }

    private JsonNode listCustomerManagedPolicies(World world, IdentityCenter identityCenter, JsonRequest request) {
        PermissionSet set = permissionSet(identityCenter, request);
        var slice = paging.page(set.customerManagedPolicies(), request, pageSize());
        return JsonReplies.page("CustomerManagedPolicyReferences", slice, SsoAdminService::reference);
    }

    /** AWS answers an empty string, not an error, for a permission set without an inline policy. */
    private JsonNode getInlinePolicy(World world, IdentityCenter identityCenter, JsonRequest request) {
        JsonNode policy = permissionSet(identityCenter, request).inlinePolicy();
        String text =
                policy == null || policy.isNull() ? "" : policy.isTextual() ? policy.textValue() : policy.toString();
        return object().put("InlinePolicy", text);
    }

    private JsonNode getPermissionsBoundary(World world, IdentityCenter identityCenter, JsonRequest request) {
        PermissionSet set = permissionSet(identityCenter, request);
        PermissionsBoundary boundary = set.permissionsBoundary();
        if (boundary == null) {
            throw new AwsFault(
                    400,
                    "ResourceNotFoundException",
                    "Could not find a permissions boundary for permission set " + set.arn());
        }
        ObjectNode node = object();
        if (boundary.managedPolicyArn() != null) {
            node.put("ManagedPolicyArn", boundary.managedPolicyArn());
        } else {
            node.set("CustomerManagedPolicyReference", reference(boundary.customerManagedPolicyReference()));
        }
        ObjectNode reply = object();
        reply.set("PermissionsBoundary", node);
        return reply;
    }

    private JsonNode stringPage(String member, List<String> values, JsonRequest request) {
        var slice = paging.page(values, request, pageSize());
        return JsonReplies.page(member, slice, TextNode::valueOf);
    }

    private int pageSize() {
        return state.world().limits().pageSize(paging.pageSizeKey());
    }

    static PermissionSet permissionSet(IdentityCenter identityCenter, JsonRequest request) {
        String arn = request.required("PermissionSetArn");
        return identityCenter
                .permissionSet(arn)
                .orElseThrow(() ->
                        new AwsFault(400, "ResourceNotFoundException", "Could not find PermissionSet with id " + arn));
    }

    private static ObjectNode assignment(AccountAssignment assignment) {
        return object().put("AccountId", assignment.accountId())
                .put("PermissionSetArn", assignment.permissionSetArn())
                .put("PrincipalType", assignment.principalType())
                .put("PrincipalId", assignment.principalId());
    }

    private static ObjectNode reference(PolicyReference reference) {
        return object().put("Name", reference.name()).put("Path", reference.path());
    }
}
