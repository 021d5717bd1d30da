package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsOperation;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.spi.SyncException;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;

/**
 * Waits for an asynchronous account assignment write: polls once at once, then every interval until the status is
 * terminal or the timeout passes. A denied status call is taken as success, as upstream does: the write itself was
 * accepted, and the caller may simply lack sso:DescribeAccountAssignment*Status. For the same reason a write whose
 * answer carries no request id to poll, or a status answer without a {@code Status}, ends the wait: AWS's model
 * makes both optional, and the write was accepted.
 */
final class AssignmentStatusPoller {
    private static final Logger LOG = LoggerFactory.getLogger(AssignmentStatusPoller.class);
    private static final String NOT_FOUND_TEXT = "Received a 404 status error";

    private final AwsClients clients;
    private final AssignmentPolling polling;

    AssignmentStatusPoller(AwsClients clients, AssignmentPolling polling) {
        this.clients = requireNonNull(clients, "clients is null");
        this.polling = requireNonNull(polling, "polling is null");
    }

    void awaitCreation(String instanceArn, AccountAssignmentOperationStatus started) throws SyncException {
        await(
                "creation",
                SsoOperations.DESCRIBE_ACCOUNT_ASSIGNMENT_CREATION_STATUS,
                started,
                () -> clients.ssoAdmin()
                        .describeAccountAssignmentCreationStatus(
                                r -> r.instanceArn(instanceArn).accountAssignmentCreationRequestId(started.requestId()))
                        .accountAssignmentCreationStatus());
    }

    /** True when AWS no longer knows the assignment (404 on the status call): it is already gone. */
    boolean awaitDeletion(String instanceArn, AccountAssignmentOperationStatus started) throws SyncException {
        try {
            await(
                    "deletion",
                    SsoOperations.DESCRIBE_ACCOUNT_ASSIGNMENT_DELETION_STATUS,
                    started,
                    () -> clients.ssoAdmin()
                            .describeAccountAssignmentDeletionStatus(r ->
                                    r.instanceArn(instanceArn).accountAssignmentDeletionRequestId(started.requestId()))
                            .accountAssignmentDeletionStatus());
            return false;
        } catch (StatusGone e) {
            return true;
        }
    }

    private void await(
            String operation,
            AwsOperation statusCall,
            AccountAssignmentOperationStatus started,
            Supplier<AccountAssignmentOperationStatus> describe)
            throws SyncException {
        if (started == null || finished(operation, started)) {
            return;
        }
        if (AwsValues.text(started.requestId()).isEmpty()) {
            notVerified(operation);
            return;
        }
        Instant deadline = polling.clock().instant().plus(polling.timeout());
        while (true) {
            AccountAssignmentOperationStatus status;
            try {
                status = clients.gateway().call(statusCall.on(started.requestId()), describe);
            } catch (AwsCallException e) {
                if (e.kind() == ErrorKind.ACCESS_DENIED) {
                    return;
                }
                if (AwsCall.sdkMessage(e).contains(NOT_FOUND_TEXT) && operation.equals("deletion")) {
                    throw new StatusGone();
                }
                throw AwsCall.failure("account assignment " + operation + " status failed", e);
            }
            if (status == null || status.status() == null) {
                notVerified(operation);
                return;
            }
            if (finished(operation, status)) {
                return;
            }
            sleepUntilNextPoll(operation, deadline);
        }
    }

    /**
     * False while the write is in progress or its status is absent; true once it succeeded. A failure, or a status
     * this SDK does not know, fails with AWS's reason.
     */
    private static boolean finished(String operation, AccountAssignmentOperationStatus status) throws SyncException {
        if (status.status() == null || status.status() == StatusValues.IN_PROGRESS) {
            return false;
        }
        if (status.status() == StatusValues.SUCCEEDED) {
            return true;
        }
        String reason = AwsValues.text(status.failureReason());
        if (status.status() == StatusValues.FAILED && !reason.isEmpty()) {
            throw new SyncException("baton-aws: " + reason);
        }
        if (status.status() == StatusValues.UNKNOWN_TO_SDK_VERSION) {
            throw new SyncException("baton-aws: account assignment " + operation + " ended with status "
                    + status.statusAsString() + (reason.isEmpty() ? "" : ": " + reason));
        }
        throw new SyncException("baton-aws: account assignment " + operation + " failed");
    }

    private static void notVerified(String operation) {
        LOG.info(
                "account assignment {} accepted; AWS gave no status to poll, so its outcome is not verified",
                operation);
    }

    private void sleepUntilNextPoll(String operation, Instant deadline) throws SyncException {
        if (polling.clock().instant().plus(polling.interval()).isAfter(deadline)) {
            throw new SyncException("baton-aws: account assignment " + operation + " timed out. Cannot verify if "
                    + "operation completed successfully: context deadline exceeded");
        }
        try {
            polling.sleeper().sleep(polling.interval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException("baton-aws: interrupted while waiting for account assignment " + operation, e);
        }
    }

    /** Internal signal: the status call answered 404 during a deletion. */
    private static final class StatusGone extends SyncException {
        private static final long serialVersionUID = 1L;

        StatusGone() {
            super("account assignment no longer exists");
        }
    }
}
