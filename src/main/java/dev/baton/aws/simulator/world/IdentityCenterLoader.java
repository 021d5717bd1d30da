package dev.baton.aws.simulator.world;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code identityCenter} part of a world file; references may use ids or names. */
final class IdentityCenterLoader {
    private final IdSource ids;

    IdentityCenterLoader(IdSource ids) {
        this.ids = ids;
    }

    IdentityCenter identityCenter(WorldNode node, World world) {
        if (node.absent()) {
            return null;
        }
        node.requireObject();
        String defaultOwner = world.hasOrganization()
                ? world.organization().managementAccountId()
                : world.accounts().isEmpty() ? null : world.accounts().get(0).id();
        String owner = node.string("ownerAccountId", defaultOwner);
        if (owner == null || world.account(owner).isEmpty()) {
            throw node.field("ownerAccountId")
                    .error(
                            owner == null
                                    ? "required string is missing"
                                    : "no account with id '" + owner + "' in $.accounts");
        }
        String instanceArn = node.string("instanceArn", "arn:aws:sso:::instance/ssoins-" + ids.hex(16));
        String storeId = node.string("identityStoreId", "d-" + ids.hex(10));
        List<SsoUser> users = node.list("users").stream().map(this::user).toList();
        Map<String, String> userIds = index(node.list("users"), users);
        List<SsoGroup> groups =
                node.list("groups").stream().map(group -> group(group, userIds)).toList();
        Map<String, String> groupIds = new HashMap<>();
        groups.forEach(group -> {
            groupIds.put(group.id(), group.id());
            groupIds.putIfAbsent(group.displayName(), group.id());
        });
        String instanceId = instanceArn.substring(instanceArn.lastIndexOf('/') + 1);
        List<PermissionSet> sets = node.list("permissionSets").stream()
                .map(set -> permissionSet(set, instanceId))
                .toList();
        List<AccountAssignment> assignments = new ArrayList<>();
        for (WorldNode assignment : node.list("assignments")) {
            assignments.add(assignment(assignment, world, sets, userIds, groupIds));
        }
        WorldNode provisionedNode = node.field("provisioned");
        List<ProvisionedPermissionSet> provisioned = provisionedNode.absent()
                ? null
                : node.list("provisioned").stream()
                        .map(pair -> provisioned(pair, world, sets))
                        .toList();
        String token = node.string("scimToken", null);
        return new IdentityCenter(
                node.string("region", "us-east-1"),
                owner,
                instanceArn,
                storeId,
                users,
                groups,
                sets,
                assignments,
                provisioned,
                token == null ? null : new Secret(token));
    }

    private static Map<String, String> index(List<WorldNode> nodes, List<SsoUser> users) {
        Map<String, String> byKey = new HashMap<>();
        java.util.Set<String> seenIds = new java.util.HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            SsoUser user = users.get(i);
            if (!seenIds.add(user.id())) {
                throw nodes.get(i).field("id").error("duplicate user id '" + user.id() + "'");
            }
            byKey.put(user.id(), user.id());
        }
        users.forEach(user -> byKey.putIfAbsent(user.userName(), user.id()));
        return byKey;
    }

    private SsoUser user(WorldNode node) {
        node.requireObject();
        String userName = node.requiredString("userName");
        List<SsoEmail> emails = node.list("emails").stream()
                .map(email -> email.node().isTextual()
                        ? new SsoEmail(email.node().textValue(), "work", true)
                        : new SsoEmail(
                                email.requireObject().requiredString("value"),
                                email.string("type", "work"),
                                email.booleanValue("primary", false)))
                .toList();
        String status = node.string("status", "ENABLED");
        if (!status.equals("ENABLED") && !status.equals("DISABLED")) {
            throw node.field("status").error("expected ENABLED or DISABLED, found '" + status + "'");
        }
        return new SsoUser(
                node.string("id", ids.uuid()),
                userName,
                node.string("displayName", userName),
                node.string("givenName", ""),
                node.string("familyName", ""),
                emails,
                status,
                externalIds(node));
    }

    private SsoGroup group(WorldNode node, Map<String, String> userIds) {
        node.requireObject();
        List<String> members = new ArrayList<>();
        for (WorldNode member : node.list("members")) {
            String key = member.node().isTextual() ? member.node().textValue() : null;
            if (key == null || !userIds.containsKey(key)) {
                throw member.error("no Identity Center user with id or userName " + member.node());
            }
            members.add(userIds.get(key));
        }
        return new SsoGroup(
                node.string("id", ids.uuid()),
                node.requiredString("displayName"),
                node.string("description", ""),
                externalIds(node),
                members);
    }

    private static List<ExternalId> externalIds(WorldNode node) {
        return node.list("externalIds").stream()
                .map(external -> new ExternalId(
                        external.requireObject().requiredString("issuer"), external.requiredString("id")))
                .toList();
    }

    private PermissionSet permissionSet(WorldNode node, String instanceId) {
        node.requireObject();
        List<String> managed = node.stringList("managedPolicies").stream()
                .map(policy -> policy.startsWith("arn:") ? policy : "arn:aws:iam::aws:policy/" + policy)
                .toList();
        List<PolicyReference> customer = node.list("customerManagedPolicies").stream()
                .map(this::reference)
                .toList();
        return new PermissionSet(
                node.string("arn", "arn:aws:sso:::permissionSet/" + instanceId + "/ps-" + ids.hex(16)),
                node.requiredString("name"),
                node.string("description", ""),
                node.string("sessionDuration", "PT1H"),
                node.instant("createdDate", WorldLoader.DEFAULT_DATE),
                managed,
                customer,
                node.optionalDocument("inlinePolicy").orElse(null),
                boundary(node.field("permissionsBoundary")));
    }

    private PolicyReference reference(WorldNode node) {
        if (node.node().isTextual()) {
            return new PolicyReference(node.node().textValue(), "/");
        }
        return new PolicyReference(node.requireObject().requiredString("name"), node.string("path", "/"));
    }

    private PermissionsBoundary boundary(WorldNode node) {
        if (node.absent()) {
            return null;
        }
        node.requireObject();
        String arn = node.string("managedPolicyArn", null);
        WorldNode reference = node.field("customerManagedPolicyReference");
        if ((arn == null) == reference.absent()) {
            throw node.error("needs exactly one of managedPolicyArn and customerManagedPolicyReference");
        }
        return new PermissionsBoundary(arn, reference.absent() ? null : reference(reference));
    }

    private static AccountAssignment assignment(
            WorldNode node,
            World world,
            List<PermissionSet> sets,
            Map<String, String> userIds,
            Map<String, String> groupIds) {
        node.requireObject();
        String accountId = existingAccount(node, world);
        String setArn = permissionSetArn(node, sets);
        String type = node.requiredString("principalType");
        Map<String, String> principals = switch (type) {
            case "USER" -> userIds;
            case "GROUP" -> groupIds;
            default -> throw node.field("principalType").error("expected USER or GROUP, found '" + type + "'");
        };
        String principal = node.requiredString("principalId");
        if (!principals.containsKey(principal)) {
            throw node.field("principalId")
                    .error("no Identity Center " + type.toLowerCase(java.util.Locale.ROOT) + " with id or name '"
                            + principal + "'");
        }
        return new AccountAssignment(accountId, setArn, type, principals.get(principal));
    }

    private static ProvisionedPermissionSet provisioned(WorldNode node, World world, List<PermissionSet> sets) {
        node.requireObject();
        return new ProvisionedPermissionSet(permissionSetArn(node, sets), existingAccount(node, world));
    }

    private static String existingAccount(WorldNode node, World world) {
        String accountId = node.requiredString("accountId");
        if (world.account(accountId).isEmpty()) {
            throw node.field("accountId").error("no account with id '" + accountId + "' in $.accounts");
        }
        return accountId;
    }

    /** A permission set given by ARN, or by name for hand-written files. */
    private static String permissionSetArn(WorldNode node, List<PermissionSet> sets) {
        String key = node.requiredString("permissionSetArn");
        return sets.stream()
                .filter(set -> set.arn().equals(key) || set.name().equals(key))
                .findFirst()
                .map(PermissionSet::arn)
                .orElseThrow(
                        () -> node.field("permissionSetArn").error("no permission set with ARN or name '" + key + "'"));
    }
}
