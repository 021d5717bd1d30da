package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.service.IamEntityActions.OwnedPolicy;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.AccountIam;
import dev.baton.aws.simulator.world.IamGroup;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GetAccountAuthorizationDetails}: the whole IAM of the caller's account in one paged snapshot. One
 * Marker/MaxItems sequence runs over users, then groups, then roles, then policies. As in AWS, the policy list
 * holds every customer-managed policy but only the AWS-managed ones in use in this account.
 */
final class AuthorizationDetailsAction implements QueryAction {
    private static final List<String> ALL_FILTERS =
            List.of("User", "Group", "Role", "LocalManagedPolicy", "AWSManagedPolicy");

    private final WorldState state;

    AuthorizationDetailsAction(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    @Override
    public String handle(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = IamLookup.account(world, caller);
        List<String> filters = request.list("Filter.member");
        for (String filter : filters) {
            if (!ALL_FILTERS.contains(filter)) {
                throw new AwsFault(
                        400,
                        "ValidationError",
                        "Value '" + filter + "' at 'filter' failed to satisfy "
                                + "constraint: Member must satisfy enum value set: " + ALL_FILTERS);
            }
        }
        Set<String> wanted = Set.copyOf(filters.isEmpty() ? ALL_FILTERS : filters);
        ResultSlice<Object> page = IamLookup.page(world, request, entries(world, account, wanted));
        XmlWriter xml = new XmlWriter();
        String accountId = account.id();
        xml.members("UserDetailList", only(page, IamUser.class), (x, user) -> user(x, user, accountId));
        xml.members("GroupDetailList", only(page, IamGroup.class), (x, group) -> group(x, group, accountId));
        xml.members("RoleDetailList", only(page, IamRole.class), (x, role) -> role(x, role, accountId));
        xml.members("Policies", only(page, OwnedPolicy.class), (x, policy) -> {
            IamXml.policy(x, policy.policy(), policy.owner(), account.iam(), false);
            x.members("PolicyVersionList", List.of(policy.policy()), IamXml::policyVersion);
        });
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private static List<Object> entries(World world, Account account, Set<String> wanted) {
        AccountIam iam = account.iam();
        List<Object> entries = new ArrayList<>();
        if (wanted.contains("User")) {
            entries.addAll(iam.users());
        }
        if (wanted.contains("Group")) {
            entries.addAll(iam.groups());
        }
        if (wanted.contains("Role")) {
            entries.addAll(iam.roles());
        }
        if (wanted.contains("LocalManagedPolicy")) {
            iam.policies().forEach(policy -> entries.add(new OwnedPolicy(policy, account.id())));
        }
        if (wanted.contains("AWSManagedPolicy")) {
            world.awsManagedPolicies().stream()
                    .map(policy -> new OwnedPolicy(policy, "aws"))
                    .filter(p -> IamXml.attachmentCount(iam, p.arn()) + IamXml.boundaryCount(iam, p.arn()) > 0)
                    .forEach(entries::add);
        }
        return entries;
    }

    private static <T> List<T> only(ResultSlice<Object> page, Class<T> type) {
        return page.items().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static void user(XmlWriter xml, IamUser user, String accountId) {
        xml.element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", user.id())
                .element("Arn", user.arn(accountId))
                .element("CreateDate", user.createDate());
        IamXml.inline(xml, "UserPolicyList", user.inlinePolicies());
        xml.stringMembers("GroupList", user.groups());
        IamXml.attached(xml, "AttachedManagedPolicies", user.attachedPolicies());
        IamXml.boundary(xml, user.permissionsBoundary());
        xml.members(
                "Tags",
                new ArrayList<>(user.tags().entrySet()),
                (x, tag) -> x.element("Key", tag.getKey()).element("Value", tag.getValue()));
    }

    private static void group(XmlWriter xml, IamGroup group, String accountId) {
        IamXml.group(xml, group, accountId);
        IamXml.inline(xml, "GroupPolicyList", group.inlinePolicies());
        IamXml.attached(xml, "AttachedManagedPolicies", group.attachedPolicies());
    }

    private static void role(XmlWriter xml, IamRole role, String accountId) {
        xml.element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", role.id())
                .element("Arn", role.arn(accountId))
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", IamXml.encode(role.trustPolicy()));
        xml.members("InstanceProfileList", List.of(), (x, none) -> {});
        IamXml.inline(xml, "RolePolicyList", role.inlinePolicies());
        IamXml.attached(xml, "AttachedManagedPolicies", role.attachedPolicies());
        IamXml.boundary(xml, role.permissionsBoundary());
        xml.members(
                "Tags",
                new ArrayList<>(role.tags().entrySet()),
                (x, tag) -> x.element("Key", tag.getKey()).element("Value", tag.getValue()));
        IamXml.roleLastUsed(xml, role);
    }
}
