package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.SparseIam.A;
import static dev.baton.aws.connector.iam.SparseIam.answer;
import static dev.baton.aws.connector.iam.SparseIam.group;
import static dev.baton.aws.connector.iam.SparseIam.role;
import static dev.baton.aws.connector.iam.SparseIam.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;

import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.PermissionSetInlinePolicies;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedRequest;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetGroupPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetGroupRequest;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.GetLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.GetLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionRequest;
import software.amazon.awssdk.services.iam.model.GetPolicyVersionResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.GetUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.GetUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.LoginProfile;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * IAM syncs (both collection paths) against answers that carry only what AWS's model marks required: no
 * IsTruncated, no names where they are optional, no State or Content in the credential report. The sync completes,
 * names and paths come from ARNs, and a record without an ARN is skipped with one warning naming it.
 */
class SparseIamSyncTest {
    private static final OrganizationConfig NO_ORG =
            new OrganizationConfig(false, false, false, "us-east-1", "OrganizationAccountAccessRole");
    private static final String POLICY = A + "policy/team/ReadAll";

    private static SyncScope scope(boolean fastPath) {
        return new SyncScope(Set.of(), true, false, false, 30, fastPath, ScimConfig.disabled());
    }

    private static GraphWalker.Graph sync(IamClient iam, boolean fastPath) throws Exception {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        var clients = SparseIam.clients(iam);
        IamSyncers syncers = IamSyncers.create(
                new SyncContext(
                        clients,
                        NO_ORG,
                        scope(fastPath),
                        warnings::add,
                        new OrganizationAccounts(clients::organizations)),
                PermissionSetInlinePolicies.none());
        return GraphWalker.walk(syncers.syncers(), warnings);
    }

    /** The per-user credential calls of an unreported (or per-entity) user, each answer as sparse as allowed. */
    private static void perUserCalls(IamClient iam) {
        answer(iam, GetUserResponse.builder().user(user("/eng/", "alice")).build())
                .getUser(any(GetUserRequest.class));
        answer(
                        iam,
                        ListAccessKeysResponse.builder()
                                .accessKeyMetadata(
                                        AccessKeyMetadata.builder()
                                                .accessKeyId("AKIAALICE")
                                                .build(),
                                        AccessKeyMetadata.builder().build())
                                .build())
                .listAccessKeys(any(ListAccessKeysRequest.class));
        answer(iam, GetAccessKeyLastUsedResponse.builder().build())
                .getAccessKeyLastUsed(any(GetAccessKeyLastUsedRequest.class));
        answer(iam, ListMfaDevicesResponse.builder().mfaDevices(List.of()).build())
                .listMFADevices(any(ListMfaDevicesRequest.class));
        answer(
                        iam,
                        GetLoginProfileResponse.builder()
                                .loginProfile(LoginProfile.builder()
                                        .userName("alice")
                                        .createDate(SparseIam.CREATED)
                                        .build())
                                .build())
                .getLoginProfile(any(GetLoginProfileRequest.class));
        answer(iam, GetPolicyVersionResponse.builder().build()).getPolicyVersion(any(GetPolicyVersionRequest.class));
        answer(
                        iam,
                        ListPoliciesResponse.builder()
                                .policies(Policy.builder().arn(POLICY).build())
                                .build())
                .listPolicies(any(ListPoliciesRequest.class));
    }

    @Test
    void fastPathSurvivesAuthorizationDetailsWithoutNamesAndAReportWithoutContent() throws Exception {
        IamClient iam = SparseIam.client();
        answer(
                        iam,
                        GetAccountAuthorizationDetailsResponse.builder()
                                .userDetailList(
                                        UserDetail.builder()
                                                .arn(A + "user/eng/alice")
                                                .userPolicyList(PolicyDetail.builder()
                                                        .policyDocument("%7B%7D")
                                                        .build())
                                                .attachedManagedPolicies(AttachedPolicy.builder()
                                                        .policyArn(POLICY)
                                                        .build())
                                                .build(),
                                        UserDetail.builder().userName("ghost").build())
                                .groupDetailList(GroupDetail.builder()
                                        .arn(A + "group/admins")
                                        .build())
                                .roleDetailList(RoleDetail.builder()
                                        .arn(A + "role/svc/ci")
                                        .build())
                                .policies(ManagedPolicyDetail.builder()
                                        .arn(POLICY)
                                        .build())
                                .build())
                .getAccountAuthorizationDetails(any(GetAccountAuthorizationDetailsRequest.class));
        answer(iam, ListRolesResponse.builder().roles(role("/svc/", "ci")).build())
                .listRoles(any(ListRolesRequest.class));
        answer(iam, GenerateCredentialReportResponse.builder().build())
                .generateCredentialReport(any(GenerateCredentialReportRequest.class));
        answer(iam, GetCredentialReportResponse.builder().build())
                .getCredentialReport(any(GetCredentialReportRequest.class));
        perUserCalls(iam);

        GraphWalker.Graph graph = sync(iam, true);

        assertEquals("alice", graph.resource("iam_user", A + "user/eng/alice").getDisplayName());
        assertEquals("admins", graph.resource("group", A + "group/admins").getDisplayName());
        assertEquals("ci", graph.resource("role", A + "role/svc/ci").getDisplayName());
        assertEquals("ReadAll", graph.resource("iam_policy", POLICY).getDisplayName());
        assertEquals(List.of("AKIAALICE"), graph.ids("access-key"));
        assertTrue(
                graph.grants().containsKey("iam_policy:" + POLICY + ":attached:iam_user:" + A + "user/eng/alice"),
                graph.grants().keySet().toString());
        assertEquals(
                List.of(
                        "baton-aws: skipping access-key of " + A + "user/eng/alice: AWS sent no AccessKeyId",
                        "baton-aws: skipping access-key of " + A + "user/eng/alice: AWS sent no AccessKeyId",
                        "baton-aws: skipping iam_user ghost: AWS sent no Arn",
                        "baton-aws: skipping inline_policy of " + A + "user/eng/alice: AWS sent no PolicyName"),
                graph.warnings().stream().sorted().toList());
    }

    @Test
    void perEntityPathSurvivesListingsWithoutIsTruncated() throws Exception {
        IamClient iam = SparseIam.client();
        answer(iam, ListUsersResponse.builder().users(user("/eng/", "alice")).build())
                .listUsers(any(ListUsersRequest.class));
        answer(iam, ListGroupsResponse.builder().groups(group("/", "admins")).build())
                .listGroups(any(ListGroupsRequest.class));
        answer(iam, ListRolesResponse.builder().roles(role("/svc/", "ci")).build())
                .listRoles(any(ListRolesRequest.class));
        answer(iam, GetRoleResponse.builder().role(role("/svc/", "ci")).build()).getRole(any(GetRoleRequest.class));
        answer(
                        iam,
                        GetGroupResponse.builder()
                                .group(group("/", "admins"))
                                .users(user("/eng/", "alice"))
                                .build())
                .getGroup(any(GetGroupRequest.class));
        answer(
                        iam,
                        ListAttachedUserPoliciesResponse.builder()
                                .attachedPolicies(AttachedPolicy.builder()
                                        .policyArn(POLICY)
                                        .build())
                                .build())
                .listAttachedUserPolicies(any(ListAttachedUserPoliciesRequest.class));
        answer(iam, ListAttachedGroupPoliciesResponse.builder().build())
                .listAttachedGroupPolicies(any(ListAttachedGroupPoliciesRequest.class));
        answer(iam, ListAttachedRolePoliciesResponse.builder().build())
                .listAttachedRolePolicies(any(ListAttachedRolePoliciesRequest.class));
        answer(iam, ListUserPoliciesResponse.builder().policyNames("own").build())
                .listUserPolicies(any(ListUserPoliciesRequest.class));
        answer(iam, ListGroupPoliciesResponse.builder().policyNames("shared").build())
                .listGroupPolicies(any(ListGroupPoliciesRequest.class));
        answer(iam, ListRolePoliciesResponse.builder().policyNames("trust").build())
                .listRolePolicies(any(ListRolePoliciesRequest.class));
        answer(
                        iam,
                        GetUserPolicyResponse.builder()
                                .userName("alice")
                                .policyName("own")
                                .policyDocument("%7B%7D")
                                .build())
                .getUserPolicy(any(GetUserPolicyRequest.class));
        answer(
                        iam,
                        GetGroupPolicyResponse.builder()
                                .groupName("admins")
                                .policyName("shared")
                                .policyDocument("%7B%7D")
                                .build())
                .getGroupPolicy(any(GetGroupPolicyRequest.class));
        answer(
                        iam,
                        GetRolePolicyResponse.builder()
                                .roleName("ci")
                                .policyName("trust")
                                .policyDocument("%7B%7D")
                                .build())
                .getRolePolicy(any(GetRolePolicyRequest.class));
        perUserCalls(iam);

        GraphWalker.Graph graph = sync(iam, false);

        assertEquals(List.of(A + "user/eng/alice"), graph.ids("iam_user"));
        assertEquals(List.of(A + "group/admins"), graph.ids("group"));
        assertEquals(List.of(A + "role/svc/ci"), graph.ids("role"));
        assertEquals("ReadAll", graph.resource("iam_policy", POLICY).getDisplayName());
        assertEquals(3, graph.ids("inline_policy").size());
        assertEquals(List.of("AKIAALICE"), graph.ids("access-key"));
        assertTrue(
                graph.grants().containsKey("group:" + A + "group/admins:member:iam_user:" + A + "user/eng/alice"),
                graph.grants().keySet().toString());
        assertTrue(graph.grants().containsKey("iam_policy:" + POLICY + ":attached:iam_user:" + A + "user/eng/alice"));
        assertTrue(
                graph.warnings().stream().allMatch(w -> w.endsWith("AWS sent no AccessKeyId")),
                graph.warnings().toString());
    }
}
