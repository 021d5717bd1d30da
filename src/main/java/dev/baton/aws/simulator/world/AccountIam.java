package dev.baton.aws.simulator.world;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The IAM contents of one account; {@code policies} are the customer-managed policies. */
public record AccountIam(
        List<IamUser> users, List<IamGroup> groups, List<IamRole> roles, List<ManagedPolicy> policies) {
    public AccountIam {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        policies = List.copyOf(policies);
    }

    public static AccountIam empty() {
        return new AccountIam(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<IamUser> user(String name) {
        return users.stream().filter(user -> user.name().equals(name)).findFirst();
    }

    public Optional<IamGroup> group(String name) {
        return groups.stream().filter(group -> group.name().equals(name)).findFirst();
    }

    public Optional<IamRole> role(String name) {
        return roles.stream().filter(role -> role.name().equals(name)).findFirst();
    }

    public Optional<ManagedPolicy> policy(String name) {
        return policies.stream().filter(policy -> policy.name().equals(name)).findFirst();
    }

    /** Users that list {@code groupName} among their groups, in user order. */
    public List<IamUser> membersOf(String groupName) {
        return users.stream().filter(user -> user.groups().contains(groupName)).toList();
    }

    public AccountIam withUsers(List<IamUser> newUsers) {
        return new AccountIam(newUsers, groups, roles, policies);
    }

    public AccountIam withGroups(List<IamGroup> newGroups) {
        return new AccountIam(users, newGroups, roles, policies);
    }

    public AccountIam withRoles(List<IamRole> newRoles) {
        return new AccountIam(users, groups, newRoles, policies);
    }

    /** Replaces the user called {@code name} (which must exist) with the result of {@code change}. */
    public AccountIam updateUser(String name, UnaryOperator<IamUser> change) {
        return withUsers(users.stream()
                .map(user -> user.name().equals(name) ? change.apply(user) : user)
                .toList());
    }

    public AccountIam updateGroup(String name, UnaryOperator<IamGroup> change) {
        return withGroups(groups.stream()
                .map(group -> group.name().equals(name) ? change.apply(group) : group)
                .toList());
    }

    public AccountIam updateRole(String name, UnaryOperator<IamRole> change) {
        return withRoles(roles.stream()
                .map(role -> role.name().equals(name) ? change.apply(role) : role)
                .toList());
    }
}
