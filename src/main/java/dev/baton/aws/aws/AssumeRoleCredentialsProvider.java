package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Credentials of an assumed role, refreshed before they expire. The SDK's StsAssumeRoleCredentialsProvider uses a
 * fixed stale window; when a session is shorter than that window (a role with a short max session, or a test
 * world), its credentials could be used after expiry. This provider refreshes once {@code min(5 min, lifetime/2)}
 * is left, judged by the injected clock, so a sync longer than the credential lifetime never sees ExpiredToken.
 * Failures propagate as the STS exception, which the SDK wraps as a credential failure of the calling request.
 */
final class AssumeRoleCredentialsProvider implements AwsCredentialsProvider {
    private static final Duration MAX_MARGIN = Duration.ofMinutes(5);

    private final StsClient sts;
    private final AssumeRoleRequest request;
    private final Clock clock;
    private volatile Issued current;

    private record Issued(AwsSessionCredentials credentials, Instant refreshAt) {}

    /**
     * @param externalId sent only when non-empty
     * @param durationSeconds 0 leaves the STS default (one hour)
     */
    AssumeRoleCredentialsProvider(
            StsClient sts, String roleArn, String externalId, String sessionName, int durationSeconds, Clock clock) {
        this.sts = requireNonNull(sts, "sts is null");
        this.clock = requireNonNull(clock, "clock is null");
        AssumeRoleRequest.Builder builder = AssumeRoleRequest.builder()
                .roleArn(requireNonNull(roleArn, "roleArn is null"))
                .roleSessionName(requireNonNull(sessionName, "sessionName is null"));
        if (!requireNonNull(externalId, "externalId is null").isEmpty()) {
            builder.externalId(externalId);
        }
        if (durationSeconds > 0) {
            builder.durationSeconds(durationSeconds);
        }
        this.request = builder.build();
    }

    String roleArn() {
        return request.roleArn();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        Issued issued = current;
        if (issued == null || !clock.instant().isBefore(issued.refreshAt())) {
            synchronized (this) {
                issued = current;
                if (issued == null || !clock.instant().isBefore(issued.refreshAt())) {
                    issued = assume();
                    current = issued;
                }
            }
        }
        return issued.credentials();
    }

    private Issued assume() {
        Instant requestedAt = clock.instant();
        Credentials credentials = sts.assumeRole(request).credentials();
        if (credentials == null) {
            // AWS's model leaves every member of the answer optional; its Credentials require all four of theirs
            throw SdkClientException.create("sts:AssumeRole answered without Credentials");
        }
        Instant expiration = credentials.expiration();
        Duration lifetime = Duration.between(requestedAt, expiration);
        Duration margin = lifetime.dividedBy(2).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(2) : MAX_MARGIN;
        AwsSessionCredentials session = AwsSessionCredentials.builder()
                .accessKeyId(credentials.accessKeyId())
                .secretAccessKey(credentials.secretAccessKey())
                .sessionToken(credentials.sessionToken())
                .expirationTime(expiration)
                .build();
        return new Issued(session, expiration.minus(margin));
    }

    @Override
    public String toString() {
        return "AssumeRoleCredentialsProvider[" + request.roleArn() + "]";
    }
}
