package dev.baton.aws.connector.permissions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The one table of every AWS action the connector calls, when it calls it and what a run loses without it.
 * {@code baton-aws policy} renders it, {@code baton-aws check} probes it, and the policy tests run the simulator
 * with exactly these actions allowed (and each one removed in turn), so the table cannot drift from the code.
 */
public final class PermissionCatalog {
    /** Which role needs an action: the connector's own, the one assumed in each member account, or both. */
    private enum Holder {
        CONNECTOR,
        CHILD,
        BOTH
    }

    private record Rule(String action, Holder holder, Predicate<PermissionFeatures> when, boolean write, String loss) {}

    private static final String FAILS = "the sync fails";
    private static final String RECENT =
            "of IAM users created after the account's credential report (AWS keeps one" + " for up to four hours)";
    private static final List<Rule> RULES = rules();

    private PermissionCatalog() {}

    public static RequiredPermissions required(PermissionFeatures features) {
        return new RequiredPermissions(
                features,
                select(features, Holder.CONNECTOR),
                features.childAccounts() ? select(features, Holder.CHILD) : List.of());
    }

    private static List<Permission> select(PermissionFeatures features, Holder holder) {
        Map<String, List<Rule>> byAction = new TreeMap<>();
        for (Rule rule : RULES) {
            if ((rule.holder() == holder || rule.holder() == Holder.BOTH)
                    && rule.when().test(features)) {
                byAction.computeIfAbsent(rule.action(), action -> new ArrayList<>())
                        .add(rule);
            }
        }
        List<Permission> permissions = new ArrayList<>();
        byAction.forEach((action, rules) -> permissions.add(new Permission(
                action,
                resource(action, features),
                rules.stream().allMatch(Rule::write),
                String.join("; ", rules.stream().map(Rule::loss).distinct().toList()))));
        return permissions;
    }

    private static String resource(String action, PermissionFeatures features) {
        return action.equals("sts:AssumeRole")
                ? "arn:aws:iam::*:role/" + features.organization().iamAssumeRoleName()
                : "*";
    }

    private static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        Predicate<PermissionFeatures> fast = PermissionFeatures::fastPath;
        Predicate<PermissionFeatures> perEntity = fast.negate();
        Predicate<PermissionFeatures> always = features -> true;
        // IAM of the connector's account and, with child-account IAM, of every member account
        String snapshot = "IAM users, groups, roles and policies of the account (" + FAILS + ")";
        read(rules, "iam:GetAccountAuthorizationDetails", Holder.BOTH, fast, snapshot);
        read(rules, "iam:GenerateCredentialReport", Holder.BOTH, fast, snapshot);
        read(rules, "iam:GetCredentialReport", Holder.BOTH, fast, snapshot);
        read(
                rules,
                "iam:ListRoles",
                Holder.BOTH,
                always,
                "IAM roles, their descriptions and session lengths (" + FAILS + ")");
        // AWS-managed policies are read once, in the connector's account
        read(
                rules,
                "iam:ListPolicies",
                Holder.CONNECTOR,
                PermissionFeatures::unattachedPolicies,
                "AWS-managed policies attached nowhere in the account (" + FAILS + ")");
        read(
                rules,
                "iam:GetPolicyVersion",
                Holder.CONNECTOR,
                PermissionFeatures::unattachedPolicies,
                "policy documents of AWS-managed policies attached nowhere (one warning per policy)");
        read(rules, "iam:GetUser", Holder.BOTH, fast, "password last use " + RECENT);
        read(rules, "iam:ListAccessKeys", Holder.BOTH, fast, "access keys and their last use " + RECENT);
        read(
                rules,
                "iam:GetAccessKeyLastUsed",
                Holder.BOTH,
                always,
                "last use of access keys created after the"
                        + " credential report, or of every key without the fast path (one warning per user)");
        read(rules, "iam:ListMFADevices", Holder.BOTH, fast, "MFA status " + RECENT);
        read(rules, "iam:GetLoginProfile", Holder.BOTH, fast, "console access " + RECENT);
        read(
                rules,
                "iam:ListAccessKeys",
                Holder.BOTH,
                features -> features.scope().syncSecrets(),
                "access keys as secrets (--sync-secrets)");
        perEntityIam(rules, perEntity);
        // Organizations
        read(
                rules,
                "organizations:ListAccounts",
                Holder.CONNECTOR,
                features -> features.organization().orgsEnabled(),
                "AWS accounts and member-account IAM (" + FAILS + ")");
        read(
                rules,
                "sts:AssumeRole",
                Holder.CONNECTOR,
                PermissionFeatures::childAccounts,
                "IAM of every member account (one warning per account)");
        Predicate<PermissionFeatures> identityCenter = PermissionFeatures::identityCenter;
        read(
                rules,
                "organizations:ListRoots",
                Holder.CONNECTOR,
                identityCenter,
                "the organization root and OU hierarchy (one warning; accounts stay unparented)");
        read(
                rules,
                "organizations:ListOrganizationalUnitsForParent",
                Holder.CONNECTOR,
                identityCenter,
                "organizational units (one warning; accounts stay unparented)");
        read(
                rules,
                "organizations:ListParents",
                Holder.CONNECTOR,
                identityCenter,
                "the OU of each account (one warning; accounts stay unparented)");
        identityCenter(rules, identityCenter);
        read(
                rules,
                "cloudtrail:LookupEvents",
                Holder.CONNECTOR,
                PermissionFeatures::cloudTrail,
                "last sign-in of Identity Center users (one warning)");
        provisioning(rules);
        return List.copyOf(rules);
    }

    private static void perEntityIam(List<Rule> rules, Predicate<PermissionFeatures> perEntity) {
        String fails = " (" + FAILS + ")";
        read(rules, "iam:ListUsers", Holder.BOTH, perEntity, "IAM users" + fails);
        read(rules, "iam:ListGroups", Holder.BOTH, perEntity, "IAM groups" + fails);
        read(rules, "iam:GetUser", Holder.BOTH, perEntity, "IAM user tags and emails (one warning per user)");
        read(rules, "iam:ListAccessKeys", Holder.BOTH, perEntity, "IAM user last login from key use");
        read(rules, "iam:ListMFADevices", Holder.BOTH, perEntity, "IAM user MFA status (one warning per user)");
        read(rules, "iam:GetLoginProfile", Holder.BOTH, perEntity, "IAM user console access (one warning per user)");
        read(rules, "iam:GetGroup", Holder.BOTH, perEntity, "IAM group members (one warning per group)");
        read(rules, "iam:GetRole", Holder.BOTH, perEntity, "who may assume each role (one warning per role)");
        for (String kind : List.of("User", "Group", "Role")) {
            String who = kind.toLowerCase(java.util.Locale.ROOT);
            read(
                    rules,
                    "iam:ListAttached" + kind + "Policies",
                    Holder.BOTH,
                    perEntity,
                    "managed policies attached to each " + who + " (one warning per " + who + ")");
            read(
                    rules,
                    "iam:List" + kind + "Policies",
                    Holder.BOTH,
                    perEntity,
                    "inline policies of each " + who + fails);
            read(
                    rules,
                    "iam:Get" + kind + "Policy",
                    Holder.BOTH,
                    perEntity,
                    "inline policy documents of each " + who + " (one warning per policy)");
        }
        read(rules, "iam:ListPolicies", Holder.BOTH, perEntity, "customer-managed policies" + fails);
        read(
                rules,
                "iam:GetPolicyVersion",
                Holder.BOTH,
                perEntity,
                "managed policy documents (one warning per" + " policy)");
    }

    private static void identityCenter(List<Rule> rules, Predicate<PermissionFeatures> on) {
        String fails = " (" + FAILS + ")";
        read(rules, "sso:ListInstances", Holder.CONNECTOR, on, "everything in Identity Center" + fails);
        read(rules, "sso:ListPermissionSets", Holder.CONNECTOR, on, "permission sets" + fails);
        read(rules, "sso:DescribePermissionSet", Holder.CONNECTOR, on, "permission set names" + fails);
        read(
                rules,
                "sso:ListPermissionSetsProvisionedToAccount",
                Holder.CONNECTOR,
                on,
                "permission sets per account and their assignments" + fails);
        read(
                rules,
                "sso:ListAccountAssignments",
                Holder.CONNECTOR,
                on,
                "account assignments when read per (account, permission set)" + fails);
        read(
                rules,
                "sso:ListAccountAssignmentsForPrincipal",
                Holder.CONNECTOR,
                on.and(PermissionFeatures::fastPath),
                "account assignments when read per user and group" + fails);
        read(
                rules,
                "sso:ListManagedPoliciesInPermissionSet",
                Holder.CONNECTOR,
                on,
                "AWS-managed policies of each permission set (one warning per permission set)");
        read(
                rules,
                "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
                Holder.CONNECTOR,
                on,
                "customer-managed policies of each permission set (one warning per permission set)");
        read(
                rules,
                "sso:GetInlinePolicyForPermissionSet",
                Holder.CONNECTOR,
                on,
                "inline policies of permission sets (one warning per permission set)");
        read(rules, "identitystore:ListUsers", Holder.CONNECTOR, on, "Identity Center users" + fails);
        read(rules, "identitystore:ListGroups", Holder.CONNECTOR, on, "Identity Center groups" + fails);
        read(
                rules,
                "identitystore:ListGroupMemberships",
                Holder.CONNECTOR,
                on,
                "Identity Center group members (one warning per group)");
    }

    private static void provisioning(List<Rule> rules) {
        Predicate<PermissionFeatures> on = PermissionFeatures::provisioning;
        String membership = "granting and revoking IAM group membership";
        write(rules, "iam:ListGroupsForUser", Holder.BOTH, on, membership + "; deleting IAM users in groups");
        write(rules, "iam:AddUserToGroup", Holder.BOTH, on, membership);
        write(rules, "iam:RemoveUserFromGroup", Holder.BOTH, on, membership + "; deleting IAM users in groups");
        for (String kind : List.of("User", "Group", "Role")) {
            String who = kind.toLowerCase(java.util.Locale.ROOT) + "s";
            write(rules, "iam:Attach" + kind + "Policy", Holder.BOTH, on, "attaching managed policies to " + who);
            write(
                    rules,
                    "iam:ListAttached" + kind + "Policies",
                    Holder.BOTH,
                    on,
                    "attaching managed policies to " + who + " (the already-attached check)");
            write(
                    rules,
                    "iam:Detach" + kind + "Policy",
                    Holder.BOTH,
                    on,
                    "detaching managed policies from " + who
                            + (kind.equals("User") ? "; deleting IAM users with attached policies" : ""));
            write(
                    rules,
                    "iam:Delete" + kind + "Policy",
                    Holder.BOTH,
                    on,
                    "revoking inline policies of " + who
                            + (kind.equals("User") ? "; deleting IAM users with inline policies" : ""));
        }
        write(rules, "iam:CreateUser", Holder.CONNECTOR, PermissionFeatures::createsIamUsers, "creating IAM users");
        write(
                rules,
                "iam:TagUser",
                Holder.CONNECTOR,
                PermissionFeatures::createsIamUsers,
                "creating IAM users whose name is not their email (the email is a tag)");
        write(rules, "iam:GetUser", Holder.BOTH, on, "deleting IAM users; creating one that already exists");
        String deleting = "deleting IAM users with ";
        write(rules, "iam:ListAccessKeys", Holder.BOTH, on, deleting + "access keys");
        write(rules, "iam:DeleteAccessKey", Holder.BOTH, on, deleting + "access keys");
        write(rules, "iam:DeleteLoginProfile", Holder.BOTH, on, "deleting IAM users");
        write(rules, "iam:ListSigningCertificates", Holder.BOTH, on, "deleting IAM users");
        write(rules, "iam:DeleteSigningCertificate", Holder.BOTH, on, deleting + "signing certificates");
        write(rules, "iam:ListSSHPublicKeys", Holder.BOTH, on, "deleting IAM users");
        write(rules, "iam:DeleteSSHPublicKey", Holder.BOTH, on, deleting + "SSH public keys");
        write(rules, "iam:ListServiceSpecificCredentials", Holder.BOTH, on, "deleting IAM users");
        write(rules, "iam:DeleteServiceSpecificCredential", Holder.BOTH, on, deleting + "service-specific credentials");
        write(rules, "iam:ListMFADevices", Holder.BOTH, on, "deleting IAM users");
        write(rules, "iam:DeactivateMFADevice", Holder.BOTH, on, deleting + "MFA devices");
        write(rules, "iam:ListUserPolicies", Holder.BOTH, on, "deleting IAM users");
        write(rules, "iam:ListAttachedUserPolicies", Holder.BOTH, on, "deleting IAM users with attached policies");
        write(rules, "iam:DeleteUser", Holder.BOTH, on, "deleting IAM users");
        Predicate<PermissionFeatures> identityCenter = on.and(PermissionFeatures::identityCenter);
        String assigning = "assigning permission sets on accounts";
        write(
                rules,
                "sso:ListAccountAssignments",
                Holder.CONNECTOR,
                identityCenter,
                assigning + " (the already-assigned check)");
        write(rules, "sso:CreateAccountAssignment", Holder.CONNECTOR, identityCenter, assigning);
        write(
                rules,
                "sso:DescribeAccountAssignmentCreationStatus",
                Holder.CONNECTOR,
                identityCenter,
                assigning + " (the outcome is not confirmed)");
        write(
                rules,
                "sso:DeleteAccountAssignment",
                Holder.CONNECTOR,
                identityCenter,
                "removing permission-set" + " assignments");
        write(
                rules,
                "sso:DescribeAccountAssignmentDeletionStatus",
                Holder.CONNECTOR,
                identityCenter,
                "removing permission-set assignments (the outcome is not confirmed)");
        write(
                rules,
                "organizations:DescribeAccount",
                Holder.CONNECTOR,
                identityCenter,
                "naming a suspended account when an assignment on it fails");
        String membershipSso = "granting and revoking Identity Center group membership";
        write(rules, "identitystore:CreateGroupMembership", Holder.CONNECTOR, identityCenter, membershipSso);
        write(
                rules,
                "identitystore:GetGroupMembershipId",
                Holder.CONNECTOR,
                identityCenter,
                membershipSso + " when it already exists or is already gone");
        write(rules, "identitystore:DeleteGroupMembership", Holder.CONNECTOR, identityCenter, membershipSso);
        write(rules, "identitystore:DeleteUser", Holder.CONNECTOR, identityCenter, "deleting Identity Center users");
        write(
                rules,
                "identitystore:CreateUser",
                Holder.CONNECTOR,
                PermissionFeatures::createsSsoUsers,
                "creating Identity Center users");
        write(
                rules,
                "identitystore:ListUsers",
                Holder.CONNECTOR,
                PermissionFeatures::createsSsoUsers,
                "creating an Identity Center user that already exists");
    }

    private static void read(
            List<Rule> rules, String action, Holder holder, Predicate<PermissionFeatures> when, String loss) {
        rules.add(new Rule(action, holder, when, false, loss));
    }

    private static void write(
            List<Rule> rules, String action, Holder holder, Predicate<PermissionFeatures> when, String loss) {
        rules.add(new Rule(action, holder, when, true, loss));
    }
}
