package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.spi.SyncException;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;

/**
 * Waits for an asynchronous account assignment write: polls once at once, then every interval until the status is
 * terminal or the timeout passes. A denied status call is taken as success, as upstream does: the write itself was
 * accepted, and the caller may simply lack sso:DescribeAccountAssignment*Status.
 */
final class AssignmentStatusPoller {
    private static final String NOT_FOUND_TEXT = "Received a 404 status error";

    private final SsoAdminClient ssoAdmin;
    private final AssignmentPolling polling;

    AssignmentStatusPoller(SsoAdminClient ssoAdmin, AssignmentPolling polling) {
        this.ssoAdmin = requireNonNull(ssoAdmin, "ssoAdmin is null");
        this.polling = requireNonNull(polling, "polling is null");
    }

    void awaitCreation(String instanceArn, AccountAssignmentOperationStatus started) throws SyncException {
        await("creation", started, () -> ssoAdmin.describeAccountAssignmentCreationStatus(r -> r
                .instanceArn(instanceArn).accountAssignmentCreationRequestId(started.requestId()))
                .accountAssignmentCreationStatus());
    }

    /** True when AWS no longer knows the assignment (404 on the status call): it is already gone. */
    boolean awaitDeletion(String instanceArn, AccountAssignmentOperationStatus started) throws SyncException {
        try {
            await("deletion", started, () -> ssoAdmin.describeAccountAssignmentDeletionStatus(r -> r
                    .instanceArn(instanceArn).accountAssignmentDeletionRequestId(started.requestId()))
                    .accountAssignmentDeletionStatus());
            return false;
        } catch (StatusGone e) {
            return true;
        }
    }

    private void await(String operation, AccountAssignmentOperationStatus started, StatusCall call)
            throws SyncException {
        if (started == null) {
            return;
        }
        Instant deadline = polling.clock().instant().plus(polling.timeout());
        AccountAssignmentOperationStatus status = started;
        while (true) {
            if (status != null && status.status() != StatusValues.IN_PROGRESS) {
                terminal(operation, status);
                return;
            }
            try {
                status = call.describe();
            } catch (SdkException e) {
                if (IdentityCenterResults.kind(e) == ErrorKind.ACCESS_DENIED) {
                    return;
                }
                if (String.valueOf(e.getMessage()).contains(NOT_FOUND_TEXT) && operation.equals("deletion")) {
                    throw new StatusGone();
                }
                throw IdentityCenterResults.failure("account assignment " + operation + " status failed", "sso",
                        "DescribeAccountAssignment" + capitalized(operation) + "Status", started.requestId(), e);
            }
            if (status.status() == StatusValues.IN_PROGRESS) {
                sleepUntilNextPoll(operation, deadline);
            }
        }
    }

    private static void terminal(String operation, AccountAssignmentOperationStatus status) throws SyncException {
        if (status.status() == StatusValues.SUCCEEDED) {
            return;
        }
        if (status.status() == StatusValues.FAILED) {
            throw new SyncException("baton-aws: " + status.failureReason());
        }
        throw new SyncException("baton-aws: account assignment " + operation + " failed");
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

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    @FunctionalInterface
    private interface StatusCall {
        AccountAssignmentOperationStatus describe();
    }

    /** Internal signal: the status call answered 404 during a deletion. */
    private static final class StatusGone extends SyncException {
        private static final long serialVersionUID = 1L;

        StatusGone() {
            super("account assignment no longer exists");
        }
    }
}
