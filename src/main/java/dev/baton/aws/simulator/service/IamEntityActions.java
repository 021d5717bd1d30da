package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamLookup.account;
import static dev.baton.aws.simulator.service.IamLookup.required;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.IamGroup;
import dev.baton.aws.simulator.world.IamRole;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.ManagedPolicy;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads of groups, roles, managed policies and account aliases. */
final class IamEntityActions {
    private final WorldState state;

    IamEntityActions(WorldState state) {
        this.state = requireNonNull(state, "state is null");
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("ListGroups", this::listGroups);
        actions.put("GetGroup", this::getGroup);
        actions.put("ListRoles", this::listRoles);
        actions.put("GetRole", this::getRole);
        actions.put("ListPolicies", this::listPolicies);
        actions.put("GetPolicy", this::getPolicy);
        actions.put("GetPolicyVersion", this::getPolicyVersion);
        actions.put("ListAccountAliases", this::listAccountAliases);
    }

    private String listGroups(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        List<IamGroup> groups = account.iam().groups().stream()
                .filter(group -> IamLookup.pathMatches(group.path(), request))
                .toList();
        ResultSlice<IamGroup> page = IamLookup.page(world, request, groups);
        XmlWriter xml = new XmlWriter().members("Groups", page.items(), (x, g) -> IamXml.group(x, g, account.id()));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String getGroup(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        IamGroup group = IamLookup.group(account.iam(), required(request, "GroupName"));
        ResultSlice<IamUser> page = IamLookup.page(world, request, account.iam().membersOf(group.name()));
        XmlWriter xml = new XmlWriter().start("Group");
        IamXml.group(xml, group, account.id());
        xml.end().members("Users", page.items(), (x, user) -> IamXml.user(x, user, account.id()));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String listRoles(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        List<IamRole> roles = account.iam().roles().stream()
                .filter(role -> IamLookup.pathMatches(role.path(), request))
                .toList();
        ResultSlice<IamRole> page = IamLookup.page(world, request, roles);
        XmlWriter xml = new XmlWriter().members("Roles", page.items(), (x, r) -> IamXml.role(x, r, account.id()));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String getRole(Caller caller, QueryRequest request) {
        Account account = account(state.world(), caller);
        IamRole role = IamLookup.role(account.iam(), required(request, "RoleName"));
        XmlWriter xml = new XmlWriter().start("Role");
        IamXml.fullRole(xml, role, account.id());
        return xml.end().toString();
    }

    /** Scope All|AWS|Local, OnlyAttached, PathPrefix; customer policies first, then AWS-managed, as IAM lists them. */
    private String listPolicies(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        String scope = request.get("Scope") == null ? "All" : request.get("Scope");
        boolean onlyAttached = "true".equalsIgnoreCase(request.get("OnlyAttached"));
        List<OwnedPolicy> policies = new ArrayList<>();
        if (!scope.equals("AWS")) {
            account.iam().policies().forEach(p -> policies.add(new OwnedPolicy(p, account.id())));
        }
        if (!scope.equals("Local")) {
            world.awsManagedPolicies().forEach(p -> policies.add(new OwnedPolicy(p, "aws")));
        }
        List<OwnedPolicy> matching = policies.stream()
                .filter(p -> IamLookup.pathMatches(p.policy().path(), request))
                .filter(p -> !onlyAttached || IamXml.attachmentCount(account.iam(), p.arn()) > 0)
                .toList();
        ResultSlice<OwnedPolicy> page = IamLookup.page(world, request, matching);
        XmlWriter xml = new XmlWriter()
                .members(
                        "Policies",
                        page.items(),
                        (x, p) -> IamXml.policy(x, p.policy(), p.owner(), account.iam(), true));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String getPolicy(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        String arn = required(request, "PolicyArn");
        ManagedPolicy policy = IamLookup.existingPolicy(world, account, arn);
        XmlWriter xml = new XmlWriter().start("Policy");
        IamXml.policy(xml, policy, arn.startsWith("arn:aws:iam::aws:") ? "aws" : account.id(), account.iam(), false);
        return xml.end().toString();
    }

    private String getPolicyVersion(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        String arn = required(request, "PolicyArn");
        String versionId = required(request, "VersionId");
        ManagedPolicy policy = IamLookup.existingPolicy(world, account, arn);
        if (!policy.defaultVersionId().equals(versionId)) {
            throw IamLookup.noSuchEntity(
                    "Policy " + arn + " version " + versionId + " does not exist or is not attachable.");
        }
        XmlWriter xml = new XmlWriter().start("PolicyVersion");
        IamXml.policyVersion(xml, policy);
        return xml.end().toString();
    }

    private String listAccountAliases(Caller caller, QueryRequest request) {
        World world = state.world();
        ResultSlice<String> page =
                IamLookup.page(world, request, account(world, caller).aliases());
        XmlWriter xml = new XmlWriter().stringMembers("AccountAliases", page.items());
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    /** A managed policy with the account id its ARN is built from ({@code aws} for AWS-managed). */
    record OwnedPolicy(ManagedPolicy policy, String owner) {
        String arn() {
            return policy.arn(owner);
        }
    }
}
