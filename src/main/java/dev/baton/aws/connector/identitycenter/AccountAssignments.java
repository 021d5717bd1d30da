package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.organizations.AccountStates;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.CreateAccountAssignmentResponse;
import software.amazon.awssdk.services.ssoadmin.model.DeleteAccountAssignmentResponse;
import software.amazon.awssdk.services.ssoadmin.model.ListAccountAssignmentsResponse;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;

/**
 * Identity Center account assignments (permission set + principal on an account), shared by the flat {@code account}
 * entitlement and the {@code permission_set_assignment} binding. Both writes are asynchronous in AWS: the call
 * returns a request id whose status is polled until it succeeds, fails or the wait limit passes. Every member of
 * these answers is optional in AWS's model: what is missing is read as "cannot verify", never as a failure.
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
            response = clients.gateway()
                    .call(
                            SsoOperations.CREATE_ACCOUNT_ASSIGNMENT.on(accountId),
                            () -> clients.ssoAdmin()
                                    .createAccountAssignment(r -> r.instanceArn(instanceArn)
                                            .permissionSetArn(permissionSetArn)
                                            .principalId(principal.id())
                                            .principalType(principal.type())
                                            .targetId(accountId)
                                            .targetType(TargetType.AWS_ACCOUNT)));
        } catch (AwsCallException e) {
            throw writeFailure(accountId, couldNotVerify, e);
        }
        List<Any> annotations = ProvisionAnnotations.requestId(response);
        poller().awaitCreation(instanceArn, response.accountAssignmentCreationStatus());
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
            response = clients.gateway()
                    .call(
                            SsoOperations.DELETE_ACCOUNT_ASSIGNMENT.on(accountId),
                            () -> clients.ssoAdmin()
                                    .deleteAccountAssignment(r -> r.instanceArn(instanceArn)
                                            .permissionSetArn(permissionSetArn)
                                            .principalId(principal.id())
                                            .principalType(principal.type())
                                            .targetId(accountId)
                                            .targetType(TargetType.AWS_ACCOUNT)));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance());
            }
            throw writeFailure(accountId, couldNotVerify, e);
        }
        List<Any> annotations = ProvisionAnnotations.requestId(response);
        if (poller().awaitDeletion(instanceArn, response.accountAssignmentDeletionStatus())) {
            annotations.add(Any.pack(GrantAlreadyRevoked.getDefaultInstance()));
        }
        return annotations;
    }

    private AssignmentStatusPoller poller() {
        return new AssignmentStatusPoller(clients, polling);
    }

    /** Whether the principal holds the assignment; an entry that leaves out its principal is not it. */
    private boolean exists(String instanceArn, String accountId, String permissionSetArn, SsoPrincipal principal)
            throws SyncException {
        AwsOperation operation = SsoOperations.LIST_ACCOUNT_ASSIGNMENTS.on(permissionSetArn + " on " + accountId);
        AtomicBoolean found = new AtomicBoolean();
        try {
            AwsCall.pages(
                    clients.gateway(),
                    operation,
                    token -> clients.ssoAdmin()
                            .listAccountAssignments(r -> r.instanceArn(instanceArn)
                                    .accountId(accountId)
                                    .permissionSetArn(permissionSetArn)
                                    .nextToken(token)),
                    ListAccountAssignmentsResponse::nextToken,
                    page -> {
                        found.set(page.accountAssignments().stream().anyMatch(a -> names(a, principal)));
                        return !found.get();
                    });
        } catch (AwsCallException e) {
            throw AwsCall.failure("sso.ListAccountAssignments failed", e);
        }
        return found.get();
    }

    /**
     * The assignment is the principal's. AWS's model makes PrincipalType optional; Identity Store ids are unique
     * across users and groups, so an entry without a type is matched by its id alone.
     */
    private static boolean names(AccountAssignment assignment, SsoPrincipal principal) {
        String type = AwsValues.text(assignment.principalTypeAsString());
        return (type.isEmpty() || principal.type().toString().equals(type))
                && principal.id().equals(assignment.principalId());
    }

    /**
     * Writing to a suspended account fails with an opaque ConflictException, so the state is read first. Returns
     * false when it cannot be read (organizations:DescribeAccount denied, or an answer without the account or its
     * state): the write then goes ahead unverified.
     */
    private boolean checkAccountActive(String accountId) throws SyncException {
        Account account;
        try {
            account = clients.gateway()
                    .call(
                            SsoOperations.DESCRIBE_ACCOUNT.on(accountId),
                            () -> clients.organizations().describeAccount(r -> r.accountId(accountId)))
                    .account();
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.ACCESS_DENIED) {
                return false;
            }
            throw AwsCall.failure("DescribeAccount failed", e);
        }
        if (account == null || AccountStates.stateText(account).isEmpty()) {
            return false;
        }
        if (!AccountStates.isActive(account)) {
            throw new SyncException(
                    "baton-aws: account " + accountId + " is not active, status: " + AccountStates.stateText(account));
        }
        return true;
    }

    private static SyncException writeFailure(String accountId, boolean couldNotVerify, AwsCallException e) {
        if (e.kind() != ErrorKind.CONFLICT) {
            return AwsCall.failure(e.operation() + " failed", e);
        }
        String tip = couldNotVerify
                ? ". Tip: Add organizations:DescribeAccount permission to get clearer error "
                        + "messages for suspended accounts"
                : "";
        return new SyncException(
                "baton-aws: conflicting operation in progress for account " + accountId
                        + ". This may indicate the account is suspended" + tip + ": " + AwsCall.sdkMessage(e),
                e);
    }
}
