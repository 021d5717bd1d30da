package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SparseAnswers.ACCOUNT;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.GROUP_ARN;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.INSTANCE;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.PS;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.REGION;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.STORE;
import static dev.baton.aws.connector.identitycenter.SparseAnswers.USER_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceDoesNotExist;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.FakeAwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.CreateGroupMembershipRequest;
import software.amazon.awssdk.services.identitystore.model.CreateGroupMembershipResponse;
import software.amazon.awssdk.services.identitystore.model.CreateUserRequest;
import software.amazon.awssdk.services.identitystore.model.CreateUserResponse;
import software.amazon.awssdk.services.identitystore.model.DeleteGroupMembershipRequest;
import software.amazon.awssdk.services.identitystore.model.DeleteGroupMembershipResponse;
import software.amazon.awssdk.services.identitystore.model.DeleteUserRequest;
import software.amazon.awssdk.services.identitystore.model.DeleteUserResponse;
import software.amazon.awssdk.services.identitystore.model.GetGroupMembershipIdRequest;
import software.amazon.awssdk.services.identitystore.model.GetGroupMembershipIdResponse;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.IdentitystoreException;
import software.amazon.awssdk.services.identitystore.model.ListUsersRequest;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.DescribeAccountRequest;
import software.amazon.awssdk.services.organizations.model.DescribeAccountResponse;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.CreateAccountAssignmentRequest;
import software.amazon.awssdk.services.ssoadmin.model.CreateAccountAssignmentResponse;
import software.amazon.awssdk.services.ssoadmin.model.DeleteAccountAssignmentRequest;
import software.amazon.awssdk.services.ssoadmin.model.DeleteAccountAssignmentResponse;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentCreationStatusRequest;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentCreationStatusResponse;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentDeletionStatusRequest;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentDeletionStatusResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;

/**
 * Every Identity Center write and the reads around it, answered with only the members AWS's model marks required:
 * the write lands (or is reported as it would be with a full answer), and nothing is read as a failure that AWS
 * merely left out.
 */
class SparseProvisioningTest {
    private static final ProvisioningInstance TARGET = new ProvisioningInstance(INSTANCE, STORE, REGION);
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    private final FakeAwsClients clients = new FakeAwsClients();
    private final List<String> statusCalls = new ArrayList<>();

    /** Scripted SSO Admin answers for one assignment write. */
    private final class Assignments extends SparseAnswers.OneInstance {
        List<AccountAssignment> existing = List.of();
        CreateAccountAssignmentResponse created =
                CreateAccountAssignmentResponse.builder().build();
        DeleteAccountAssignmentResponse deleted =
                DeleteAccountAssignmentResponse.builder().build();
        SsoAdminException writeFailure;

        @Override
        public ListAccountAssignmentsResponse listAccountAssignments(ListAccountAssignmentsRequest request) {
            return ListAccountAssignmentsResponse.builder()
                    .accountAssignments(existing)
                    .build();
        }

        @Override
        public CreateAccountAssignmentResponse createAccountAssignment(CreateAccountAssignmentRequest request) {
            if (writeFailure != null) {
                throw writeFailure;
            }
            return created;
        }

        @Override
        public DeleteAccountAssignmentResponse deleteAccountAssignment(DeleteAccountAssignmentRequest request) {
            return deleted;
        }

        @Override
        public DescribeAccountAssignmentCreationStatusResponse describeAccountAssignmentCreationStatus(
                DescribeAccountAssignmentCreationStatusRequest request) {
            statusCalls.add("creation " + request.accountAssignmentCreationRequestId());
            return DescribeAccountAssignmentCreationStatusResponse.builder().build();
        }

        @Override
        public DescribeAccountAssignmentDeletionStatusResponse describeAccountAssignmentDeletionStatus(
                DescribeAccountAssignmentDeletionStatusRequest request) {
            statusCalls.add("deletion " + request.accountAssignmentDeletionRequestId());
            return DescribeAccountAssignmentDeletionStatusResponse.builder().build();
        }
    }

    private final Assignments ssoAdmin = new Assignments();

    private AccountAssignments assignments(Account account) {
        clients.ssoAdmin(ssoAdmin).organizations(new OrganizationsClient() {
            @Override
            public DescribeAccountResponse describeAccount(DescribeAccountRequest request) {
                return DescribeAccountResponse.builder().account(account).build();
            }

            @Override
            public String serviceName() {
                return "organizations";
            }

            @Override
            public void close() {}
        });
        return new AccountAssignments(
                clients,
                InstanceSource.of(TARGET),
                new AssignmentPolling(
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        duration -> {},
                        Duration.ofSeconds(1),
                        Duration.ofMinutes(5)));
    }

    private static SsoPrincipal user() throws SyncException {
        return SsoPrincipal.of(Ids.resourceId("sso_user", USER_ARN));
    }

    @Test
    void createAccountAssignmentAnsweredWithNothingIsAcceptedWithoutPolling() throws Exception {
        List<Any> annotations = assignments(null).create(ACCOUNT, PS, user());

        assertFalse(annotations.stream().anyMatch(a -> a.is(GrantAlreadyExists.class)));
        assertEquals(List.of(), statusCalls);
    }

    @Test
    void creationStatusAnsweredWithNothingEndsTheWaitAsAccepted() throws Exception {
        ssoAdmin.created = CreateAccountAssignmentResponse.builder()
                .accountAssignmentCreationStatus(AccountAssignmentOperationStatus.builder()
                        .requestId("req-1")
                        .build())
                .build();

        assignments(Account.builder().build()).create(ACCOUNT, PS, user());

        assertEquals(List.of("creation req-1"), statusCalls);
    }

    @Test
    void deletionFindsTheAssignmentByItsPrincipalAloneAndAcceptsAStatusAnsweredWithNothing() throws Exception {
        ssoAdmin.existing = List.of(AccountAssignment.builder()
                .principalType("USER")
                .principalId("u-1")
                .build());
        ssoAdmin.deleted = DeleteAccountAssignmentResponse.builder()
                .accountAssignmentDeletionStatus(AccountAssignmentOperationStatus.builder()
                        .requestId("req-2")
                        .build())
                .build();

        List<Any> annotations =
                assignments(Account.builder().state("ACTIVE").build()).delete(ACCOUNT, PS, user());

        assertFalse(annotations.stream().anyMatch(a -> a.is(GrantAlreadyRevoked.class)));
        assertEquals(List.of("deletion req-2"), statusCalls);
    }

    @Test
    void anAssignmentEntryWithoutItsPrincipalIsNotTheOneAskedFor() throws Exception {
        ssoAdmin.existing = List.of(AccountAssignment.builder().build());
        List<Any> annotations = assignments(null).delete(ACCOUNT, PS, user());
        assertTrue(annotations.stream().anyMatch(a -> a.is(GrantAlreadyRevoked.class)));
    }

    @Test
    void describeAccountReportingOnlyItsStateIsReadByTheState() {
        SyncException e = assertThrows(
                SyncException.class,
                () -> assignments(Account.builder().state("SUSPENDED").build()).create(ACCOUNT, PS, user()));
        assertEquals("baton-aws: account " + ACCOUNT + " is not active, status: SUSPENDED", e.getMessage());
    }

    @Test
    void describeAccountWithoutStateLeavesTheWriteUnverified() {
        ssoAdmin.writeFailure = (SsoAdminException) SsoAdminException.builder()
                .message("conflict")
                .awsErrorDetails(
                        AwsErrorDetails.builder().errorCode("ConflictException").build())
                .build();
        SyncException e = assertThrows(
                SyncException.class,
                () -> assignments(Account.builder().build()).create(ACCOUNT, PS, user()));
        assertTrue(e.getMessage().contains("Tip: Add organizations:DescribeAccount permission"), e.getMessage());
    }

    /** Identity Store answering the writes with only their required members, or a conflict when asked. */
    private final class Store implements IdentitystoreClient {
        boolean conflict;
        final AtomicInteger throttledCalls = new AtomicInteger();

        @Override
        public CreateUserResponse createUser(CreateUserRequest request) {
            if (conflict) {
                throw conflict();
            }
            return CreateUserResponse.builder()
                    .identityStoreId(STORE)
                    .userId("u-9")
                    .build();
        }

        @Override
        public ListUsersResponse listUsers(ListUsersRequest request) {
            return ListUsersResponse.builder()
                    .users(User.builder().identityStoreId(STORE).userId("u-9").build())
                    .build();
        }

        @Override
        public DeleteUserResponse deleteUser(DeleteUserRequest request) {
            return DeleteUserResponse.builder().build();
        }

        @Override
        public CreateGroupMembershipResponse createGroupMembership(CreateGroupMembershipRequest request) {
            if (conflict) {
                throw conflict();
            }
            if (throttledCalls.getAndDecrement() > 0) {
                throw (IdentitystoreException) IdentitystoreException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ThrottlingException")
                                .build())
                        .build();
            }
            return CreateGroupMembershipResponse.builder()
                    .identityStoreId(STORE)
                    .membershipId("m-1")
                    .build();
        }

        @Override
        public GetGroupMembershipIdResponse getGroupMembershipId(GetGroupMembershipIdRequest request) {
            return GetGroupMembershipIdResponse.builder()
                    .identityStoreId(STORE)
                    .membershipId("m-1")
                    .build();
        }

        @Override
        public DeleteGroupMembershipResponse deleteGroupMembership(DeleteGroupMembershipRequest request) {
            return DeleteGroupMembershipResponse.builder().build();
        }

        private IdentitystoreException conflict() {
            return (IdentitystoreException) IdentitystoreException.builder()
                    .message("exists")
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode("ConflictException")
                            .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "identitystore";
        }

        @Override
        public void close() {}
    }

    private final Store store = new Store();

    private SsoUserProvisioner userProvisioner() {
        clients.identityStore(store);
        return new SsoUserProvisioner(clients, InstanceSource.of(TARGET), true);
    }

    private static Struct profile() {
        Struct.Builder profile = Struct.newBuilder();
        Map.of("username", "kim", "given_name", "Kim", "family_name", "Lee", "email", "kim@example.com")
                .forEach((key, value) -> profile.putFields(
                        key, Value.newBuilder().setStringValue(value).build()));
        return profile.build();
    }

    @Test
    void createUserAnsweredWithOnlyItsIdsGivesTheUser() throws Exception {
        ProvisionResult result = userProvisioner().createAccount("", "", profile());
        Resource user = result.resources().get(0);
        assertEquals(Ids.ssoUserArn(REGION, STORE, "u-9"), user.getId().getResource());
        assertEquals("kim", user.getDisplayName());
    }

    @Test
    void aConflictingCreateFindsTheUserListedWithOnlyItsIds() throws Exception {
        store.conflict = true;
        ProvisionResult result = userProvisioner().createAccount("", "", profile());
        assertEquals(
                Ids.ssoUserArn(REGION, STORE, "u-9"),
                result.resources().get(0).getId().getResource());
        assertEquals("kim", result.resources().get(0).getDisplayName());
        assertTrue(result.annotations().stream().anyMatch(a -> a.is(GrantAlreadyExists.class)));
    }

    @Test
    void deleteUserAnsweredWithNothingSucceeds() throws Exception {
        ProvisionResult result = userProvisioner().delete(Ids.resourceId("sso_user", USER_ARN), null);
        assertFalse(result.annotations().stream().anyMatch(a -> a.is(ResourceDoesNotExist.class)));
    }

    private SsoGroupProvisioner groupProvisioner() {
        clients.identityStore(store);
        return new SsoGroupProvisioner(clients, InstanceSource.of(TARGET));
    }

    private static Entitlement member() {
        return SsoGroupSyncer.entitlement(
                SsoGroupSyncer.toResource(Group.builder().groupId("g-1").build(), GROUP_ARN));
    }

    private static Resource userResource() {
        return Resource.newBuilder().setId(Ids.resourceId("sso_user", USER_ARN)).build();
    }

    @Test
    void createGroupMembershipAnsweredWithOnlyItsIdsGivesTheMembershipGrant() throws Exception {
        ProvisionResult result = groupProvisioner().grant(userResource(), member());
        assertEquals(List.of("m-1"), result.grants().stream().map(Grant::getId).toList());
    }

    @Test
    void aConflictingMembershipIsFoundByGetGroupMembershipIdAnsweredWithOnlyItsIds() throws Exception {
        store.conflict = true;
        ProvisionResult result = groupProvisioner().grant(userResource(), member());
        assertEquals(List.of("m-1"), result.grants().stream().map(Grant::getId).toList());
        assertTrue(result.annotations().stream().anyMatch(a -> a.is(GrantAlreadyExists.class)));
    }

    @Test
    void deleteGroupMembershipAnsweredWithNothingSucceeds() throws Exception {
        SsoGroupProvisioner provisioner = groupProvisioner();
        Grant grant = provisioner.grant(userResource(), member()).grants().get(0);
        ProvisionResult result = provisioner.revoke(grant);
        assertFalse(result.annotations().stream().anyMatch(a -> a.is(GrantAlreadyRevoked.class)));
    }

    @Test
    void aThrottledMembershipWriteIsRetriedByTheGateway() throws Exception {
        store.throttledCalls.set(2);
        ProvisionResult result = groupProvisioner().grant(userResource(), member());
        assertEquals(List.of("m-1"), result.grants().stream().map(Grant::getId).toList());
        assertEquals(2, clients.pauses.size());
    }
}
