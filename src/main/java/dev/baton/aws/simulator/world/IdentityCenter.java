package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The IAM Identity Center instance with its identity store. {@code provisioned} is null when the file leaves it
 * out, meaning "every (permission set, account) pair that has an assignment"; {@code scimToken} is null when SCIM
 * is off.
 */
public record IdentityCenter(
        String region,
        String ownerAccountId,
        String instanceArn,
        String identityStoreId,
        List<SsoUser> users,
        List<SsoGroup> groups,
        List<PermissionSet> permissionSets,
        List<AccountAssignment> assignments,
        List<ProvisionedPermissionSet> provisioned,
        Secret scimToken) {
    public IdentityCenter {
        requireNonNull(region, "region is null");
        requireNonNull(ownerAccountId, "ownerAccountId is null");
        requireNonNull(instanceArn, "instanceArn is null");
        requireNonNull(identityStoreId, "identityStoreId is null");
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        permissionSets = List.copyOf(permissionSets);
        assignments = List.copyOf(assignments);
        provisioned = provisioned == null ? null : List.copyOf(provisioned);
    }

    public Optional<SsoUser> user(String id) {
        return users.stream().filter(user -> user.id().equals(id)).findFirst();
    }

    public Optional<SsoGroup> group(String id) {
        return groups.stream().filter(group -> group.id().equals(id)).findFirst();
    }

    public Optional<PermissionSet> permissionSet(String arn) {
        return permissionSets.stream().filter(set -> set.arn().equals(arn)).findFirst();
    }

    /** The provisioned pairs, derived from the assignments when the file did not list them. */
    public List<ProvisionedPermissionSet> effectiveProvisioned() {
        if (provisioned != null) {
            return provisioned;
        }
        Set<ProvisionedPermissionSet> pairs = new LinkedHashSet<>();
        assignments.forEach(a -> pairs.add(new ProvisionedPermissionSet(a.permissionSetArn(), a.accountId())));
        return List.copyOf(pairs);
    }

    public IdentityCenter withUsers(List<SsoUser> newUsers) {
        return new IdentityCenter(
                region,
                ownerAccountId,
                instanceArn,
                identityStoreId,
                newUsers,
                groups,
                permissionSets,
                assignments,
                provisioned,
                scimToken);
    }

    public IdentityCenter withGroups(List<SsoGroup> newGroups) {
        return new IdentityCenter(
                region,
                ownerAccountId,
                instanceArn,
                identityStoreId,
                users,
                newGroups,
                permissionSets,
                assignments,
                provisioned,
                scimToken);
    }

    public IdentityCenter withAssignments(List<AccountAssignment> newAssignments) {
        return new IdentityCenter(
                region,
                ownerAccountId,
                instanceArn,
                identityStoreId,
                users,
                groups,
                permissionSets,
                newAssignments,
                provisioned,
                scimToken);
    }

    public IdentityCenter withProvisioned(List<ProvisionedPermissionSet> newProvisioned) {
        return new IdentityCenter(
                region,
                ownerAccountId,
                instanceArn,
                identityStoreId,
                users,
                groups,
                permissionSets,
                assignments,
                newProvisioned,
                scimToken);
    }
}
