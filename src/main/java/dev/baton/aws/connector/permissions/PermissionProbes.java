package dev.baton.aws.connector.permissions;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A harmless call per read action: page size 1, or a name that should not exist (AWS checks permissions before
 * it looks the name up, so {@code NoSuchEntity} proves the permission as well as a result does).
 */
final class PermissionProbes {
    /** One probe, run in one account; the caller sends it through the run's gateway. */
    @FunctionalInterface
    interface Probe {
        void run(ProbeTarget target);
    }

    static final String ABSENT = "baton-aws-permission-check";
    private static final String ABSENT_PERMISSION_SET = "/ps-0000000000000000";
    private static final Map<String, Probe> PROBES = probes();

    private PermissionProbes() {}

    static Optional<Probe> forAction(String action) {
        return Optional.ofNullable(PROBES.get(action));
    }

    private static Map<String, Probe> probes() {
        Map<String, Probe> probes = new HashMap<>();
        iam(probes, "GetAccountAuthorizationDetails", iam -> iam.getAccountAuthorizationDetails(b -> b.maxItems(1)));
        iam(probes, "GenerateCredentialReport", IamClient::generateCredentialReport);
        iam(probes, "GetCredentialReport", IamClient::getCredentialReport);
        iam(probes, "ListRoles", iam -> iam.listRoles(b -> b.maxItems(1)));
        iam(probes, "ListUsers", iam -> iam.listUsers(b -> b.maxItems(1)));
        iam(probes, "ListGroups", iam -> iam.listGroups(b -> b.maxItems(1)));
        iam(probes, "ListPolicies", iam -> iam.listPolicies(b -> b.maxItems(1)));
        iam(
                probes,
                "GetPolicyVersion",
                iam -> iam.getPolicyVersion(
                        b -> b.policyArn("arn:aws:iam::aws:policy/" + ABSENT).versionId("v1")));
        iam(probes, "GetUser", iam -> iam.getUser(b -> b.userName(ABSENT)));
        iam(probes, "ListAccessKeys", iam -> iam.listAccessKeys(b -> b.userName(ABSENT)));
        iam(
                probes,
                "GetAccessKeyLastUsed",
                iam -> iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIA0000000000000000")));
        iam(probes, "ListMFADevices", iam -> iam.listMFADevices(b -> b.userName(ABSENT)));
        iam(probes, "GetLoginProfile", iam -> iam.getLoginProfile(b -> b.userName(ABSENT)));
        iam(probes, "GetGroup", iam -> iam.getGroup(b -> b.groupName(ABSENT)));
        iam(probes, "GetRole", iam -> iam.getRole(b -> b.roleName(ABSENT)));
        iam(probes, "ListAttachedUserPolicies", iam -> iam.listAttachedUserPolicies(b -> b.userName(ABSENT)));
        iam(probes, "ListAttachedGroupPolicies", iam -> iam.listAttachedGroupPolicies(b -> b.groupName(ABSENT)));
        iam(probes, "ListAttachedRolePolicies", iam -> iam.listAttachedRolePolicies(b -> b.roleName(ABSENT)));
        iam(probes, "ListUserPolicies", iam -> iam.listUserPolicies(b -> b.userName(ABSENT)));
        iam(probes, "ListGroupPolicies", iam -> iam.listGroupPolicies(b -> b.groupName(ABSENT)));
        iam(probes, "ListRolePolicies", iam -> iam.listRolePolicies(b -> b.roleName(ABSENT)));
        iam(
                probes,
                "GetUserPolicy",
                iam -> iam.getUserPolicy(b -> b.userName(ABSENT).policyName(ABSENT)));
        iam(
                probes,
                "GetGroupPolicy",
                iam -> iam.getGroupPolicy(b -> b.groupName(ABSENT).policyName(ABSENT)));
        iam(
                probes,
                "GetRolePolicy",
                iam -> iam.getRolePolicy(b -> b.roleName(ABSENT).policyName(ABSENT)));
        iam(probes, "ListGroupsForUser", iam -> iam.listGroupsForUser(b -> b.userName(ABSENT)));
        iam(probes, "ListSigningCertificates", iam -> iam.listSigningCertificates(b -> b.userName(ABSENT)));
        iam(probes, "ListSSHPublicKeys", iam -> iam.listSSHPublicKeys(b -> b.userName(ABSENT)));
        iam(
                probes,
                "ListServiceSpecificCredentials",
                iam -> iam.listServiceSpecificCredentials(b -> b.userName(ABSENT)));
        probes.put(
                "organizations:ListAccounts", t -> t.clients().organizations().listAccounts(b -> b.maxResults(1)));
        probes.put("organizations:ListRoots", t -> t.clients().organizations().listRoots(b -> b.maxResults(1)));
        probes.put(
                "organizations:ListOrganizationalUnitsForParent",
                t -> t.clients()
                        .organizations()
                        .listOrganizationalUnitsForParent(
                                b -> b.parentId("r-0000").maxResults(1)));
        probes.put(
                "organizations:ListParents",
                t -> t.clients()
                        .organizations()
                        .listParents(b -> b.childId(t.accountId()).maxResults(1)));
        probes.put(
                "organizations:DescribeAccount",
                t -> t.clients().organizations().describeAccount(b -> b.accountId(t.accountId())));
        probes.put("sso:ListInstances", t -> t.clients().ssoAdmin().listInstances(b -> b.maxResults(1)));
        probes.put(
                "sso:ListPermissionSets",
                t -> t.clients()
                        .ssoAdmin()
                        .listPermissionSets(b -> b.instanceArn(t.instanceArn()).maxResults(1)));
        probes.put(
                "sso:DescribePermissionSet",
                t -> t.clients()
                        .ssoAdmin()
                        .describePermissionSet(
                                b -> b.instanceArn(t.instanceArn()).permissionSetArn(absentPermissionSet(t))));
        probes.put(
                "sso:ListPermissionSetsProvisionedToAccount",
                t -> t.clients()
                        .ssoAdmin()
                        .listPermissionSetsProvisionedToAccount(b -> b.instanceArn(t.instanceArn())
                                .accountId(t.accountId())
                                .maxResults(1)));
        probes.put(
                "sso:ListAccountAssignments",
                t -> t.clients()
                        .ssoAdmin()
                        .listAccountAssignments(b -> b.instanceArn(t.instanceArn())
                                .accountId(t.accountId())
                                .permissionSetArn(absentPermissionSet(t))
                                .maxResults(1)));
        probes.put(
                "sso:ListAccountAssignmentsForPrincipal",
                t -> t.clients()
                        .ssoAdmin()
                        .listAccountAssignmentsForPrincipal(b -> b.instanceArn(t.instanceArn())
                                .principalId("00000000-0000-0000-0000-000000000000")
                                .principalType("USER")
                                .maxResults(1)));
        probes.put(
                "sso:ListManagedPoliciesInPermissionSet",
                t -> t.clients()
                        .ssoAdmin()
                        .listManagedPoliciesInPermissionSet(b -> b.instanceArn(t.instanceArn())
                                .permissionSetArn(absentPermissionSet(t))
                                .maxResults(1)));
        probes.put(
                "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
                t -> t.clients()
                        .ssoAdmin()
                        .listCustomerManagedPolicyReferencesInPermissionSet(b -> b.instanceArn(t.instanceArn())
                                .permissionSetArn(absentPermissionSet(t))
                                .maxResults(1)));
        probes.put(
                "sso:GetInlinePolicyForPermissionSet",
                t -> t.clients()
                        .ssoAdmin()
                        .getInlinePolicyForPermissionSet(
                                b -> b.instanceArn(t.instanceArn()).permissionSetArn(absentPermissionSet(t))));
        probes.put(
                "identitystore:ListUsers",
                t -> t.clients()
                        .identityStore()
                        .listUsers(b -> b.identityStoreId(t.identityStoreId()).maxResults(1)));
        probes.put(
                "identitystore:ListGroups",
                t -> t.clients()
                        .identityStore()
                        .listGroups(b -> b.identityStoreId(t.identityStoreId()).maxResults(1)));
        probes.put(
                "identitystore:ListGroupMemberships",
                t -> t.clients()
                        .identityStore()
                        .listGroupMemberships(b -> b.identityStoreId(t.identityStoreId())
                                .groupId("00000000-0000-0000-0000-000000000000")
                                .maxResults(1)));
        probes.put("cloudtrail:LookupEvents", t -> t.clients().cloudTrail().lookupEvents(b -> b.maxResults(1)));
        return Map.copyOf(probes);
    }

    private static String absentPermissionSet(ProbeTarget target) {
        String instance = target.instanceArn();
        return "arn:aws:sso:::permissionSet/" + instance.substring(instance.lastIndexOf('/') + 1)
                + ABSENT_PERMISSION_SET;
    }

    @FunctionalInterface
    private interface IamProbe {
        void run(IamClient iam);
    }

    private static void iam(Map<String, Probe> probes, String operation, IamProbe probe) {
        probes.put("iam:" + operation, target -> probe.run(target.iam()));
    }
}
