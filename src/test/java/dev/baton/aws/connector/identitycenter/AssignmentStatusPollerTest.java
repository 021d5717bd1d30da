package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.FakeAwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccessDeniedException;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentCreationStatusRequest;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentCreationStatusResponse;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentDeletionStatusRequest;
import software.amazon.awssdk.services.ssoadmin.model.DescribeAccountAssignmentDeletionStatusResponse;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;

/** Polling of asynchronous assignment writes, on a hand-driven clock: no test waits for real time. */
class AssignmentStatusPollerTest {
    private static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1";
    private final SteppingClock clock = new SteppingClock();
    private final ScriptedSsoAdmin ssoAdmin = new ScriptedSsoAdmin();

    @Test
    void pollsEverySecondUntilSucceeded() throws Exception {
        ssoAdmin.statuses.add(status(StatusValues.IN_PROGRESS, null));
        ssoAdmin.statuses.add(status(StatusValues.IN_PROGRESS, null));
        ssoAdmin.statuses.add(status(StatusValues.SUCCEEDED, null));

        poller(Duration.ofMinutes(5)).awaitCreation(INSTANCE, status(StatusValues.IN_PROGRESS, null));

        assertEquals(3, ssoAdmin.calls);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1)), clock.sleeps);
    }

    @Test
    void failedCarriesTheFailureReason() {
        ssoAdmin.statuses.add(status(StatusValues.FAILED, "Account 333333333333 is suspended"));

        SyncException e = assertThrows(
                SyncException.class,
                () -> poller(Duration.ofMinutes(5)).awaitCreation(INSTANCE, status(StatusValues.IN_PROGRESS, null)));

        assertEquals("baton-aws: Account 333333333333 is suspended", e.getMessage());
    }

    @Test
    void givesUpAfterTheTimeoutWithUpstreamsMessage() {
        for (int i = 0; i < 1000; i++) {
            ssoAdmin.statuses.add(status(StatusValues.IN_PROGRESS, null));
        }

        SyncException e = assertThrows(
                SyncException.class,
                () -> poller(Duration.ofMinutes(5)).awaitCreation(INSTANCE, status(StatusValues.IN_PROGRESS, null)));

        assertEquals(
                "baton-aws: account assignment creation timed out. Cannot verify if operation completed "
                        + "successfully: context deadline exceeded",
                e.getMessage());
        assertEquals(300, clock.sleeps.size(), "one poll per second for five minutes");
    }

    @Test
    void deniedStatusCallCountsAsDone() throws Exception {
        ssoAdmin.failure = (SsoAdminException) AccessDeniedException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("AccessDeniedException")
                        .build())
                .build();

        poller(Duration.ofMinutes(5)).awaitCreation(INSTANCE, status(StatusValues.IN_PROGRESS, null));

        assertEquals(1, ssoAdmin.calls);
    }

    @Test
    void deletionStatus404MeansAlreadyGone() throws Exception {
        ssoAdmin.failure = (SsoAdminException) SsoAdminException.builder()
                .message("Received a 404 status error: not found")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("NotFound").build())
                .build();

        assertTrue(poller(Duration.ofMinutes(5)).awaitDeletion(INSTANCE, status(StatusValues.IN_PROGRESS, null)));
    }

    @Test
    void deletionThatSucceedsIsNotGone() throws Exception {
        ssoAdmin.statuses.add(status(StatusValues.SUCCEEDED, null));

        assertFalse(poller(Duration.ofMinutes(5)).awaitDeletion(INSTANCE, status(StatusValues.IN_PROGRESS, null)));
    }

    @Test
    void anAlreadyTerminalStartNeedsNoCall() throws Exception {
        poller(Duration.ofMinutes(5)).awaitCreation(INSTANCE, status(StatusValues.SUCCEEDED, null));

        assertEquals(0, ssoAdmin.calls);
    }

    private AssignmentStatusPoller poller(Duration timeout) {
        return new AssignmentStatusPoller(
                new FakeAwsClients().ssoAdmin(ssoAdmin),
                new AssignmentPolling(clock, clock::sleep, Duration.ofSeconds(1), timeout));
    }

    private static AccountAssignmentOperationStatus status(StatusValues value, String reason) {
        return AccountAssignmentOperationStatus.builder()
                .status(value)
                .requestId("req-1")
                .failureReason(reason)
                .build();
    }

    /** A clock that moves only when the poller sleeps. */
    private static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T12:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        void sleep(Duration duration) {
            sleeps.add(duration);
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Answers status calls from a script; everything else is unsupported (the interface's defaults). */
    private static final class ScriptedSsoAdmin implements SsoAdminClient {
        final Deque<AccountAssignmentOperationStatus> statuses = new ArrayDeque<>();
        SsoAdminException failure;
        int calls;

        @Override
        public DescribeAccountAssignmentCreationStatusResponse describeAccountAssignmentCreationStatus(
                DescribeAccountAssignmentCreationStatusRequest request) {
            return DescribeAccountAssignmentCreationStatusResponse.builder()
                    .accountAssignmentCreationStatus(next())
                    .build();
        }

        @Override
        public DescribeAccountAssignmentDeletionStatusResponse describeAccountAssignmentDeletionStatus(
                DescribeAccountAssignmentDeletionStatusRequest request) {
            return DescribeAccountAssignmentDeletionStatusResponse.builder()
                    .accountAssignmentDeletionStatus(next())
                    .build();
        }

        private AccountAssignmentOperationStatus next() {
            calls++;
            if (failure != null) {
                throw failure;
            }
            return statuses.removeFirst();
        }

        @Override
        public String serviceName() {
            return "sso";
        }

        @Override
        public void close() {}
    }
}
