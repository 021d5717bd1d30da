package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.connector.ProvisionAnnotations;
import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.CreateAccountAssignmentResponse;
import software.amazon.awssdk.services.ssoadmin.model.DeleteAccountAssignmentResponse;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * Identity Center account assignments (permission set + principal on an account), shared by the flat {@code account}
 * entitlement and the {@code permission_set_assignment} binding. Both writes are asynchronous in AWS: the call
 * returns a request id whose status is polled until it succeeds, fails or the wait limit passes.
 */
public final class AccountAssignments {
    private final AwsClients clients;
    private final InstanceSource instance;
    private final AssignmentPolling polling;

    /** Clients are taken from {@code clients} at first use: a run that never assigns never builds them. */
    AccountAssignments(AwsClients clients, InstanceSource instance, AssignmentPolling polling) {
        this.clients = requireNonNull(clients, "clients is null");
        this.instance = requireNonNull(instance, "instance is null");
        this.polling = requireNonNull(polling, "polling is null");
    }

    /** Returns {@code GrantAlreadyExists} without writing when the assignment is there, else the request id. */
    List<Any> create(String accountId, String permissionSetArn, SsoPrincipal principal) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        if (exists(instanceArn, accountId, permissionSetArn, principal)) {
            return ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance());
        }
        boolean couldNotVerify = !checkAccountActive(accountId);
        CreateAccountAssignmentResponse response;
        try {
            response = clients.ssoAdmin().createAccountAssignment(r -> r.instanceArn(instanceArn)
                    .permissionSetArn(permissionSetArn).principalId(principal.id()).principalType(principal.type())
                    .targetId(accountId).targetType(TargetType.AWS_ACCOUNT));
        } catch (SdkException e) {
            throw writeFailure(accountId, couldNotVerify, "CreateAccountAssignment", e);
        }
        List<Any> annotations = ProvisionAnnotations.requestId(response);
        AccountAssignmentOperationStatus status = response.accountAssignmentCreationStatus();
        new AssignmentStatusPoller(clients.ssoAdmin(), polling).awaitCreation(instanceArn, status);
        return annotations;
    }

    /** Returns {@code GrantAlreadyRevoked} without writing when the assignment is absent, else the request id. */
    List<Any> delete(String accountId, String permissionSetArn, SsoPrincipal principal) throws SyncException {
        String instanceArn = instance.get().instanceArn();
        if (!exists(instanceArn, accountId, permissionSetArn, principal)) {
            return ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance());
        }
        boolean couldNotVerify = !checkAccountActive(accountId);
        DeleteAccountAssignmentResponse response;
        try {
            response = clients.ssoAdmin().deleteAccountAssignment(r -> r.instanceArn(instanceArn)
                    .permissionSetArn(permissionSetArn).principalId(principal.id()).principalType(principal.type())
                    .targetId(accountId).targetType(TargetType.AWS_ACCOUNT));
        } catch (SdkException e) {
            if (IdentityCenterResults.kind(e) == ErrorKind.NOT_FOUND) {
                return ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance());
            }
            throw writeFailure(accountId, couldNotVerify, "DeleteAccountAssignment", e);
        }
        List<Any> annotations = ProvisionAnnotations.requestId(response);
        if (new AssignmentStatusPoller(clients.ssoAdmin(), polling).awaitDeletion(instanceArn, response.accountAssignmentDeletionStatus())) {
            annotations.add(Any.pack(GrantAlreadyRevoked.getDefaultInstance()));
        }
        return annotations;
    }

    private boolean exists(String instanceArn, String accountId, String permissionSetArn, SsoPrincipal principal)
            throws SyncException {
        try {
            return clients.ssoAdmin().listAccountAssignmentsPaginator(r -> r.instanceArn(instanceArn).accountId(accountId)
                            .permissionSetArn(permissionSetArn))
                    .accountAssignments().stream()
                    .anyMatch(a -> a.principalType() == principal.type() && principal.id().equals(a.principalId()));
        } catch (SdkException e) {
            throw IdentityCenterResults.failure("sso.ListAccountAssignments failed", "sso", "ListAccountAssignments",
                    permissionSetArn + " on " + accountId, e);
        }
    }

    /**
     * Writing to a suspended account fails with an opaque ConflictException, so the status is read first. Returns
     * false when organizations:DescribeAccount is denied: the write then goes ahead unverified.
     */
    private boolean checkAccountActive(String accountId) throws SyncException {
        Account account;
        try {
            account = clients.organizations().describeAccount(r -> r.accountId(accountId)).account();
        } catch (SdkException e) {
            if (IdentityCenterResults.kind(e) == ErrorKind.ACCESS_DENIED) {
                return false;
            }
            throw IdentityCenterResults.failure("DescribeAccount failed", "organizations", "DescribeAccount",
                    accountId, e);
        }
        if (account == null) {
            throw new SyncException("baton-aws: DescribeAccount returned nil account for " + accountId);
        }
        if (account.status() != AccountStatus.ACTIVE) {
            throw new SyncException("baton-aws: account " + accountId + " is not active, status: "
                    + account.statusAsString());
        }
        return true;
    }

    private static SyncException writeFailure(String accountId, boolean couldNotVerify, String operation,
                                              SdkException e) {
        if (IdentityCenterResults.kind(e) != ErrorKind.CONFLICT) {
            return IdentityCenterResults.failure(operation + " failed", "sso", operation, accountId, e);
        }
        String tip = couldNotVerify ? ". Tip: Add organizations:DescribeAccount permission to get clearer error "
                + "messages for suspended accounts" : "";
        return new SyncException("baton-aws: conflicting operation in progress for account " + accountId
                + ". This may indicate the account is suspended" + tip + ": " + e.getMessage(), e);
    }
}
