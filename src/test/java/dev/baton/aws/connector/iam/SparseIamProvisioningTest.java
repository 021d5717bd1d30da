package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.SparseIam.A;
import static dev.baton.aws.connector.iam.SparseIam.answer;
import static dev.baton.aws.connector.iam.SparseIam.group;
import static dev.baton.aws.connector.iam.SparseIam.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.google.protobuf.Struct;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.ProvisionResult;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AddUserToGroupRequest;
import software.amazon.awssdk.services.iam.model.AddUserToGroupResponse;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.CreateUserResponse;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyResponse;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteLoginProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteUserRequest;
import software.amazon.awssdk.services.iam.model.DeleteUserResponse;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachUserPolicyResponse;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserResponse;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserRequest;
import software.amazon.awssdk.services.iam.model.ListGroupsForUserResponse;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesRequest;
import software.amazon.awssdk.services.iam.model.ListMfaDevicesResponse;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsRequest;
import software.amazon.awssdk.services.iam.model.ListServiceSpecificCredentialsResponse;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesRequest;
import software.amazon.awssdk.services.iam.model.ListSigningCertificatesResponse;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysRequest;
import software.amazon.awssdk.services.iam.model.ListSshPublicKeysResponse;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListUserPoliciesResponse;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupRequest;
import software.amazon.awssdk.services.iam.model.RemoveUserFromGroupResponse;

/** The IAM write paths against answers that carry only the members AWS's model marks required. */
class SparseIamProvisioningTest {
    private static final String POLICY = A + "policy/ReadAll";
    private final IamClient iam = SparseIam.client();

    private static Resource resource(String type, String id) {
        return Resource.newBuilder().setId(Ids.resourceId(type, id)).build();
    }

    @Test
    void createdUserWithoutUserInTheAnswerIsReadBack() throws Exception {
        answer(iam, CreateUserResponse.builder().build()).createUser(any(CreateUserRequest.class));
        answer(iam, GetUserResponse.builder().user(user("/", "bob")).build()).getUser(any(GetUserRequest.class));
        ProvisionResult result = new IamUserProvisioner(SparseIam.clients(iam), true)
                .createAccount("bob", "bob@example.com", Struct.getDefaultInstance());
        assertEquals(A + "user/bob", result.resources().get(0).getId().getResource());
        assertEquals("bob", result.resources().get(0).getDisplayName());
    }

    @Test
    void deleteDrainsListingsWithoutIsTruncatedAndSkipsKeysWithoutId() throws Exception {
        answer(iam, GetUserResponse.builder().user(user("/", "bob")).build()).getUser(any(GetUserRequest.class));
        answer(iam, DeleteLoginProfileResponse.builder().build())
                .deleteLoginProfile(any(DeleteLoginProfileRequest.class));
        answer(
                        iam,
                        ListAccessKeysResponse.builder()
                                .accessKeyMetadata(
                                        AccessKeyMetadata.builder()
                                                .accessKeyId("AKIA1")
                                                .build(),
                                        AccessKeyMetadata.builder().build())
                                .build())
                .listAccessKeys(any(ListAccessKeysRequest.class));
        answer(iam, DeleteAccessKeyResponse.builder().build()).deleteAccessKey(any(DeleteAccessKeyRequest.class));
        answer(iam, ListSigningCertificatesResponse.builder().build())
                .listSigningCertificates(any(ListSigningCertificatesRequest.class));
        answer(iam, ListSshPublicKeysResponse.builder().build()).listSSHPublicKeys(any(ListSshPublicKeysRequest.class));
        answer(iam, ListServiceSpecificCredentialsResponse.builder().build())
                .listServiceSpecificCredentials(any(ListServiceSpecificCredentialsRequest.class));
        answer(iam, ListMfaDevicesResponse.builder().build()).listMFADevices(any(ListMfaDevicesRequest.class));
        answer(iam, ListUserPoliciesResponse.builder().policyNames("own").build())
                .listUserPolicies(any(ListUserPoliciesRequest.class));
        answer(iam, DeleteUserPolicyResponse.builder().build()).deleteUserPolicy(any(DeleteUserPolicyRequest.class));
        answer(
                        iam,
                        ListAttachedUserPoliciesResponse.builder()
                                .attachedPolicies(AttachedPolicy.builder()
                                        .policyName("nameOnly")
                                        .build())
                                .build())
                .listAttachedUserPolicies(any(ListAttachedUserPoliciesRequest.class));
        answer(
                        iam,
                        ListGroupsForUserResponse.builder()
                                .groups(group("/", "admins"))
                                .build())
                .listGroupsForUser(any(ListGroupsForUserRequest.class));
        answer(iam, RemoveUserFromGroupResponse.builder().build())
                .removeUserFromGroup(any(RemoveUserFromGroupRequest.class));
        answer(iam, DeleteUserResponse.builder().build()).deleteUser(any(DeleteUserRequest.class));

        new IamUserProvisioner(SparseIam.clients(iam), true)
                .delete(Ids.resourceId(ResourceTypes.IAM_USER_ID, A + "user/bob"), null);

        verify(iam)
                .deleteAccessKey(DeleteAccessKeyRequest.builder()
                        .userName("bob")
                        .accessKeyId("AKIA1")
                        .build());
        verify(iam, never()).detachUserPolicy(any(DetachUserPolicyRequest.class));
        verify(iam).deleteUser(DeleteUserRequest.builder().userName("bob").build());
    }

    @Test
    void groupMembershipAndPolicyAttachmentSurviveSparseListings() throws Exception {
        answer(
                        iam,
                        ListGroupsForUserResponse.builder()
                                .groups(group("/", "other"))
                                .build())
                .listGroupsForUser(any(ListGroupsForUserRequest.class));
        answer(iam, AddUserToGroupResponse.builder().build()).addUserToGroup(any(AddUserToGroupRequest.class));
        Resource groupResource = resource(ResourceTypes.GROUP_ID, A + "group/admins");
        Entitlement member = IamGrants.groupMember(groupResource);
        ProvisionResult added = new IamGroupProvisioner(SparseIam.clients(iam))
                .grant(resource(ResourceTypes.IAM_USER_ID, A + "user/bob"), member);
        assertEquals(1, added.grants().size());
        verify(iam)
                .addUserToGroup(AddUserToGroupRequest.builder()
                        .groupName("admins")
                        .userName("bob")
                        .build());

        answer(iam, ListAttachedUserPoliciesResponse.builder().build())
                .listAttachedUserPolicies(any(ListAttachedUserPoliciesRequest.class));
        answer(iam, AttachUserPolicyResponse.builder().build()).attachUserPolicy(any(AttachUserPolicyRequest.class));
        answer(iam, DetachUserPolicyResponse.builder().build()).detachUserPolicy(any(DetachUserPolicyRequest.class));
        Entitlement attached = IamGrants.policyAttached(resource(ResourceTypes.IAM_POLICY_ID, POLICY));
        IamPolicyProvisioner policies = new IamPolicyProvisioner(SparseIam.clients(iam));
        Grant grant = policies.grant(resource(ResourceTypes.IAM_USER_ID, A + "user/bob"), attached)
                .grants()
                .get(0);
        policies.revoke(grant);
        verify(iam)
                .detachUserPolicy(DetachUserPolicyRequest.builder()
                        .userName("bob")
                        .policyArn(POLICY)
                        .build());

        answer(iam, DeleteUserPolicyResponse.builder().build()).deleteUserPolicy(any(DeleteUserPolicyRequest.class));
        Resource inline = Resource.newBuilder()
                .setId(Ids.resourceId(ResourceTypes.INLINE_POLICY_ID, Ids.inlinePolicyId(A + "user/bob", "own")))
                .setDisplayName("own")
                .setParentResourceId(Ids.resourceId(ResourceTypes.IAM_USER_ID, A + "user/bob"))
                .build();
        ProvisionResult revoked = new InlinePolicyProvisioner(SparseIam.clients(iam))
                .revoke(Grant.newBuilder()
                        .setEntitlement(IamGrants.inlineAttached(inline))
                        .setPrincipal(resource(ResourceTypes.IAM_USER_ID, A + "user/bob"))
                        .build());
        assertTrue(revoked.grants().isEmpty());
        verify(iam)
                .deleteUserPolicy(DeleteUserPolicyRequest.builder()
                        .userName("bob")
                        .policyName("own")
                        .build());
    }
}
