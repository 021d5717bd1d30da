package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamLookup.account;
import static dev.baton.aws.simulator.service.IamLookup.group;
import static dev.baton.aws.simulator.service.IamLookup.required;
import static dev.baton.aws.simulator.service.IamLookup.user;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.protocol.QueryRequest;
import dev.baton.aws.simulator.protocol.XmlWriter;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.IamGroup;
import dev.baton.aws.simulator.world.IamUser;
import dev.baton.aws.simulator.world.IdSource;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** IAM user reads and writes, login profiles and group membership. */
final class IamUserActions {
    private static final Pattern NAME = Pattern.compile("[\\w+=,.@-]{1,64}");

    private final WorldState state;
    private final IdSource ids;

    IamUserActions(WorldState state, IdSource ids) {
        this.state = requireNonNull(state, "state is null");
        this.ids = requireNonNull(ids, "ids is null");
    }

    void register(Map<String, QueryAction> actions) {
        actions.put("ListUsers", this::listUsers);
        actions.put("GetUser", this::getUser);
        actions.put("CreateUser", this::createUser);
        actions.put("TagUser", this::tagUser);
        actions.put("DeleteUser", this::deleteUser);
        actions.put("GetLoginProfile", this::getLoginProfile);
        actions.put("DeleteLoginProfile", this::deleteLoginProfile);
        actions.put("ListGroupsForUser", this::listGroupsForUser);
        actions.put("AddUserToGroup", this::addUserToGroup);
        actions.put("RemoveUserFromGroup", this::removeUserFromGroup);
    }

    private String listUsers(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        List<IamUser> users = account.iam().users().stream()
                .filter(user -> IamLookup.pathMatches(user.path(), request))
                .toList();
        ResultSlice<IamUser> page = IamLookup.page(world, request, users);
        XmlWriter xml = new XmlWriter().members("Users", page.items(), (x, user) -> IamXml.user(x, user, account.id()));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String getUser(Caller caller, QueryRequest request) {
        Account account = account(state.world(), caller);
        IamUser user = IamLookup.userOrCaller(account, caller, request);
        XmlWriter xml = new XmlWriter().start("User");
        IamXml.fullUser(xml, user, account.id());
        return xml.end().toString();
    }

    private String createUser(Caller caller, QueryRequest request) {
        String name = required(request, "UserName");
        if (!NAME.matcher(name).matches()) {
            throw new AwsFault(400, "ValidationError", "Invalid user name '" + name + "'");
        }
        String path = request.get("Path") == null ? "/" : request.get("Path");
        if (!path.startsWith("/") || !path.endsWith("/") || path.length() > 512) {
            throw new AwsFault(400, "ValidationError", "Invalid path '" + path + "'");
        }
        Map<String, String> tags = request.pairs("Tags.member", "Key", "Value");
        IamUser created = state.updateAndGet(world -> {
            Account account = account(world, caller);
            if (account.iam().users().stream().anyMatch(user -> user.name().equalsIgnoreCase(name))) {
                throw new AwsFault(409, "EntityAlreadyExists", "User with name " + name + " already exists.");
            }
            IamUser user = IamUser.create(name, path, nextId(), state.clock().instant(), tags);
            List<IamUser> users = new ArrayList<>(account.iam().users());
            users.add(user);
            return new WorldState.Change<>(world.updateIam(account.id(), iam -> iam.withUsers(users)), user);
        });
        XmlWriter xml = new XmlWriter().start("User");
        IamXml.fullUser(xml, created, caller.accountId());
        return xml.end().toString();
    }

    private synchronized String nextId() {
        return ids.iamId("AIDA");
    }

    private String tagUser(Caller caller, QueryRequest request) {
        String name = required(request, "UserName");
        Map<String, String> tags = request.pairs("Tags.member", "Key", "Value");
        state.update(world -> {
            user(account(world, caller).iam(), name);
            return world.updateIam(
                    caller.accountId(),
                    iam -> iam.updateUser(name, user -> {
                        Map<String, String> merged = new LinkedHashMap<>(user.tags());
                        merged.putAll(tags);
                        return user.withTags(merged);
                    }));
        });
        return null;
    }

    private String deleteUser(Caller caller, QueryRequest request) {
        String name = required(request, "UserName");
        state.update(world -> {
            IamUser user = user(account(world, caller).iam(), name);
            String blocker = deleteBlocker(user);
            if (blocker != null) {
                throw new AwsFault(409, "DeleteConflict", "Cannot delete entity, must " + blocker + " first.");
            }
            return world.updateIam(
                    caller.accountId(),
                    iam -> iam.withUsers(iam.users().stream()
                            .filter(u -> !u.name().equals(name))
                            .toList()));
        });
        return null;
    }

    /** What still hangs off a user, in the order IAM reports it; null when the user can be deleted. */
    private static String deleteBlocker(IamUser user) {
        if (user.loginProfile()) {
            return "delete login profile";
        } else if (!user.accessKeys().isEmpty()) {
            return "delete access keys";
        } else if (!user.signingCertificates().isEmpty()) {
            return "delete signing certificates";
        } else if (!user.sshPublicKeys().isEmpty()) {
            return "delete SSH public keys";
        } else if (!user.serviceSpecificCredentials().isEmpty()) {
            return "delete service specific credentials";
        } else if (!user.mfaDevices().isEmpty()) {
            return "delete MFA device";
        } else if (!user.inlinePolicies().isEmpty()) {
            return "delete policies";
        } else if (!user.attachedPolicies().isEmpty()) {
            return "detach all policies";
        } else if (!user.groups().isEmpty()) {
            return "remove users from group";
        }
        return null;
    }

    private String getLoginProfile(Caller caller, QueryRequest request) {
        Account account = account(state.world(), caller);
        IamUser user = IamLookup.userOrCaller(account, caller, request);
        if (!user.loginProfile()) {
            throw IamLookup.noSuchEntity("Login Profile for User " + user.name() + " cannot be found.");
        }
        return new XmlWriter()
                .start("LoginProfile")
                .element("UserName", user.name())
                .element("CreateDate", user.createDate())
                .element("PasswordResetRequired", false)
                .end()
                .toString();
    }

    private String deleteLoginProfile(Caller caller, QueryRequest request) {
        String name = required(request, "UserName");
        state.update(world -> {
            if (!user(account(world, caller).iam(), name).loginProfile()) {
                throw IamLookup.noSuchEntity("Login Profile for User " + name + " cannot be found.");
            }
            return world.updateIam(caller.accountId(), iam -> iam.updateUser(name, u -> u.withLoginProfile(false)));
        });
        return null;
    }

    private String listGroupsForUser(Caller caller, QueryRequest request) {
        World world = state.world();
        Account account = account(world, caller);
        IamUser user = user(account.iam(), required(request, "UserName"));
        List<IamGroup> groups =
                user.groups().stream().map(name -> group(account.iam(), name)).toList();
        ResultSlice<IamGroup> page = IamLookup.page(world, request, groups);
        XmlWriter xml = new XmlWriter().members("Groups", page.items(), (x, g) -> IamXml.group(x, g, account.id()));
        IamLookup.pageEnd(xml, page);
        return xml.toString();
    }

    private String addUserToGroup(Caller caller, QueryRequest request) {
        String groupName = required(request, "GroupName");
        String userName = required(request, "UserName");
        state.update(world -> {
            Account account = account(world, caller);
            group(account.iam(), groupName);
            if (user(account.iam(), userName).groups().contains(groupName)) {
                return world;
            }
            return world.updateIam(
                    account.id(),
                    iam -> iam.updateUser(userName, u -> {
                        List<String> groups = new ArrayList<>(u.groups());
                        groups.add(groupName);
                        return u.withGroups(groups);
                    }));
        });
        return null;
    }

    private String removeUserFromGroup(Caller caller, QueryRequest request) {
        String groupName = required(request, "GroupName");
        String userName = required(request, "UserName");
        state.update(world -> {
            Account account = account(world, caller);
            group(account.iam(), groupName);
            if (!user(account.iam(), userName).groups().contains(groupName)) {
                throw IamLookup.noSuchEntity(
                        "The user with name " + userName + " cannot be found in group " + groupName + ".");
            }
            return world.updateIam(
                    account.id(),
                    iam -> iam.updateUser(
                            userName,
                            u -> u.withGroups(u.groups().stream()
                                    .filter(g -> !g.equals(groupName))
                                    .toList())));
        });
        return null;
    }
}
