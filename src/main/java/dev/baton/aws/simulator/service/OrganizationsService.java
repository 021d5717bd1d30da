package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonReplies.object;
import static dev.baton.aws.simulator.service.JsonReplies.putTime;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.OrgUnit;
import dev.baton.aws.simulator.world.Organization;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * AWS Organizations ({@code AWSOrganizationsV20161128.*}), read-only. Served to the management account only, as
 * AWS does for everything but DescribeOrganization, which any account of the organization may call.
 */
public final class OrganizationsService implements JsonService {
    private static final String INVALID_INPUT = "InvalidInputException";
    /** The world file has no join dates; a fixed one keeps replies deterministic. */
    private static final Instant JOINED = Instant.parse("2020-01-01T00:00:00Z");

    private final WorldState state;
    private final JsonPaging paging = new JsonPaging(INVALID_INPUT, INVALID_INPUT, 20, "organizations");

    public OrganizationsService(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    @Override
    public String targetPrefix() {
        return "AWSOrganizationsV20161128";
    }

    @Override
    public String statsPrefix() {
        return "organizations";
    }

    @Override
    public String rateScope(Caller caller) {
        return "organizations";
    }

    @Override
    public String throttlingCode() {
        return "TooManyRequestsException";
    }

    @Override
    public Map<String, JsonAction> actions() {
        Map<String, JsonAction> actions = new LinkedHashMap<>();
        actions.put("DescribeOrganization", (caller, request) -> describeOrganization(caller));
        actions.put("ListAccounts", managementOnly(this::listAccounts));
        actions.put("DescribeAccount", managementOnly(this::describeAccount));
        actions.put("ListRoots", managementOnly(this::listRoots));
        actions.put("ListOrganizationalUnitsForParent", managementOnly(this::listOrganizationalUnitsForParent));
        actions.put("ListParents", managementOnly(this::listParents));
        actions.put("ListAccountsForParent", managementOnly(this::listAccountsForParent));
        return Map.copyOf(actions);
    }

    private JsonAction managementOnly(BiFunction<World, JsonRequest, JsonNode> handler) {
        return (caller, request) -> {
            World world = state.world();
            Organization organization = organizationOf(world);
            if (!organization.managementAccountId().equals(caller.accountId())) {
                throw new AwsFault(400, "AccessDeniedException", "You don't have permissions to access this resource.");
            }
            return handler.apply(world, new JsonRequest(request, INVALID_INPUT));
        };
    }

    private JsonNode describeOrganization(Caller caller) {
        World world = state.world();
        Organization organization = organizationOf(world);
        String management = organization.managementAccountId();
        ObjectNode body = object().put("Id", organization.id())
                .put("Arn", organization.arn())
                .put("FeatureSet", "ALL")
                .put("MasterAccountArn", accountArn(organization, management))
                .put("MasterAccountId", management)
                .put(
                        "MasterAccountEmail",
                        world.account(management).map(Account::email).orElse(""));
        body.putArray("AvailablePolicyTypes");
        ObjectNode reply = object();
        reply.set("Organization", body);
        return reply;
    }

    private JsonNode listAccounts(World world, JsonRequest request) {
        return accountPage(world, world.accounts(), request);
    }

    private JsonNode describeAccount(World world, JsonRequest request) {
        String accountId = request.required("AccountId");
        Account account = world.account(accountId)
                .orElseThrow(() ->
                        new AwsFault(400, "AccountNotFoundException", "You specified an account that doesn't exist."));
        ObjectNode reply = object();
        reply.set("Account", account(world.organization(), account));
        return reply;
    }

    private JsonNode listRoots(World world, JsonRequest request) {
        Organization organization = world.organization();
        var slice = paging.page(organization.roots(), request, world.limits().pageSize("organizations"));
        return JsonReplies.page("Roots", slice, root -> {
            ObjectNode node = unit(organization, root, "root");
            node.putArray("PolicyTypes");
            return node;
        });
    }

    private JsonNode listOrganizationalUnitsForParent(World world, JsonRequest request) {
        Organization organization = world.organization();
        OrgUnit parent = parent(organization, request.required("ParentId"));
        var slice = paging.page(parent.children(), request, world.limits().pageSize("organizations"));
        return JsonReplies.page("OrganizationalUnits", slice, child -> unit(organization, child, "ou"));
    }

    private JsonNode listParents(World world, JsonRequest request) {
        Organization organization = world.organization();
        String childId = request.required("ChildId");
        Optional<String> parentId = world.account(childId)
                .map(account -> parentIdOf(organization, account))
                .or(() -> organization.parentOf(childId).map(OrgUnit::id));
        if (parentId.isEmpty()) {
            throw new AwsFault(
                    400,
                    "ChildNotFoundException",
                    "We can't find a root, OU, or account with the ChildId that you specified.");
        }
        var slice = paging.page(List.of(parentId.get()), request, world.limits().pageSize("organizations"));
        return JsonReplies.page(
                "Parents",
                slice,
                id -> object().put("Id", id).put("Type", isRoot(organization, id) ? "ROOT" : "ORGANIZATIONAL_UNIT"));
    }

    private JsonNode listAccountsForParent(World world, JsonRequest request) {
        Organization organization = world.organization();
        String parentId = parent(organization, request.required("ParentId")).id();
        List<Account> accounts = world.accounts().stream()
                .filter(account -> parentIdOf(organization, account).equals(parentId))
                .toList();
        return accountPage(world, accounts, request);
    }

    private JsonNode accountPage(World world, List<Account> accounts, JsonRequest request) {
        var slice = paging.page(accounts, request, world.limits().pageSize("organizations"));
        return JsonReplies.page("Accounts", slice, account -> account(world.organization(), account));
    }

    private static Organization organizationOf(World world) {
        if (!world.hasOrganization()) {
            throw new AwsFault(
                    400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");
        }
        return world.organization();
    }

    private static OrgUnit parent(Organization organization, String parentId) {
        return organization
                .unit(parentId)
                .orElseThrow(() -> new AwsFault(
                        400,
                        "ParentNotFoundException",
                        "We can't find a root or OU with the ParentId that you specified."));
    }

    /** An account the world file left unparented sits in the first root, as every organization account has a parent. */
    private static String parentIdOf(Organization organization, Account account) {
        if (account.parentId() != null || organization.roots().isEmpty()) {
            return account.parentId() == null ? "" : account.parentId();
        }
        return organization.roots().get(0).id();
    }

    private static boolean isRoot(Organization organization, String unitId) {
        return organization.roots().stream().anyMatch(root -> root.id().equals(unitId));
    }

    private static ObjectNode account(Organization organization, Account account) {
        ObjectNode node = object().put("Id", account.id())
                .put("Arn", accountArn(organization, account.id()))
                .put("Email", account.email())
                .put("Name", account.name())
                .put("Status", account.status())
                .put("State", account.status())
                .put("JoinedMethod", "CREATED");
        return putTime(node, "JoinedTimestamp", JOINED);
    }

    private static String accountArn(Organization organization, String accountId) {
        return "arn:aws:organizations::" + organization.managementAccountId() + ":account/" + organization.id() + "/"
                + accountId;
    }

    private static ObjectNode unit(Organization organization, OrgUnit unit, String kind) {
        return object().put("Id", unit.id())
                .put(
                        "Arn",
                        "arn:aws:organizations::" + organization.managementAccountId() + ":" + kind + "/"
                                + organization.id() + "/" + unit.id())
                .put("Name", unit.name());
    }
}
