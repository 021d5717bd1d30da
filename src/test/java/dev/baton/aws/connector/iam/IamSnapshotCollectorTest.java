package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsRequest;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportRequest;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/**
 * The credential-report protocol of the fast path against a scripted IAM: one GenerateCredentialReport, then
 * GetCredentialReport polled while AWS answers ReportInProgress, with pauses on a hand-moved clock.
 */
class IamSnapshotCollectorTest {
    private static final String CSV = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n"
            + "alice,arn:aws:iam::111111111111:user/alice,2024-01-01T00:00:00+00:00,true,2024-03-01T10:00:00+00:00,"
            + "N/A,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<Duration> pauses = new ArrayList<>();

    /** IAM with an empty account whose credential report answers as scripted. */
    private static final class ScriptedIam implements IamClient {
        final ReportStateType generated;
        final Deque<String> getErrors;
        int generateCalls;
        int getCalls;

        ScriptedIam(ReportStateType generated, List<String> getErrors) {
            this.generated = generated;
            this.getErrors = new ArrayDeque<>(getErrors);
        }

        @Override
        public GetAccountAuthorizationDetailsResponse getAccountAuthorizationDetails(
                GetAccountAuthorizationDetailsRequest request) {
            return GetAccountAuthorizationDetailsResponse.builder()
                    .isTruncated(false)
                    .build();
        }

        @Override
        public ListRolesResponse listRoles(ListRolesRequest request) {
            return ListRolesResponse.builder().isTruncated(false).build();
        }

        @Override
        public GenerateCredentialReportResponse generateCredentialReport(GenerateCredentialReportRequest request) {
            generateCalls++;
            return GenerateCredentialReportResponse.builder().state(generated).build();
        }

        @Override
        public GetCredentialReportResponse getCredentialReport(GetCredentialReportRequest request) {
            getCalls++;
            String error = getErrors.isEmpty() ? null : getErrors.poll();
            if (error != null) {
                throw (IamException) IamException.builder()
                        .statusCode(error.equals("AccessDenied") ? 403 : 404)
                        .awsErrorDetails(
                                AwsErrorDetails.builder().errorCode(error).build())
                        .build();
            }
            return GetCredentialReportResponse.builder()
                    .content(SdkBytes.fromUtf8String(CSV))
                    .build();
        }

        @Override
        public String serviceName() {
            return "iam";
        }

        @Override
        public void close() {}
    }

    private IamAccountSnapshot collect(ScriptedIam iam) throws AwsCallException {
        return new IamSnapshotCollector(
                        new IamCalls(AwsGateway.sdkAttemptsOnly(), iam, "111111111111"),
                        message -> {
                            throw new AssertionError("unexpected warning: " + message);
                        },
                        clock,
                        duration -> {
                            pauses.add(duration);
                            clock.advance(duration);
                        })
                .collect();
    }

    @Test
    void completeReportIsFetchedAtOnceWithoutAPause() throws AwsCallException {
        ScriptedIam iam = new ScriptedIam(ReportStateType.COMPLETE, List.of());
        IamAccountSnapshot snapshot = collect(iam);
        assertEquals(1, iam.generateCalls);
        assertEquals(1, iam.getCalls);
        assertEquals(List.of(), pauses);
        assertEquals(
                true,
                snapshot.report().row("arn:aws:iam::111111111111:user/alice").mfaActive());
    }

    @Test
    void startedReportIsPolledWithGetNotGenerateBackingOff() throws AwsCallException {
        ScriptedIam iam = new ScriptedIam(ReportStateType.STARTED, List.of("ReportInProgress", "ReportInProgress"));
        IamAccountSnapshot snapshot = collect(iam);
        assertEquals(1, iam.generateCalls, "Generate once; only Get is polled");
        assertEquals(3, iam.getCalls);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
        assertEquals(1, snapshot.report().rowsByUserArn().size());
    }

    @Test
    void reportThatNeverCompletesEndsAsADeniedFastPath() {
        List<String> forever = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            forever.add("ReportInProgress");
        }
        ScriptedIam iam = new ScriptedIam(ReportStateType.INPROGRESS, forever);
        AwsCallException e = assertThrows(AwsCallException.class, () -> collect(iam));
        assertEquals(ErrorKind.ACCESS_DENIED, e.kind(), "so the account falls back to per-entity calls");
        assertEquals("ReportNotComplete", e.errorCode());
        assertEquals(1, iam.generateCalls);
        Duration waited = pauses.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(
                true,
                waited.compareTo(Duration.ofSeconds(60)) > 0 && waited.compareTo(Duration.ofSeconds(63)) < 0,
                waited.toString());
    }

    @Test
    void deniedGetIsNotRetried() {
        ScriptedIam iam = new ScriptedIam(ReportStateType.COMPLETE, List.of("AccessDenied"));
        AwsCallException e = assertThrows(AwsCallException.class, () -> collect(iam));
        assertEquals(ErrorKind.ACCESS_DENIED, e.kind());
        assertEquals("AccessDenied", e.errorCode());
        assertEquals(1, iam.getCalls);
        assertEquals(List.of(), pauses);
    }
}
