package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.testing.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/** The interceptor on the wire: IAM throttles in the XML body, which it must see per attempt. */
class PacingInterceptorSimulatorTest {
    @RegisterExtension
    final SimulatorExtension aws = SimulatorExtension.ofResource("/worlds/iam-single.json")
            .edit(world -> ((ObjectNode) world.path("limits"))
                    .putObject("ratePerSecond")
                    .put("iam", 2))
            .iamAndStsOnly();

    private final AwsCallStats stats = new AwsCallStats();
    private final AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(100, System::nanoTime);

    private IamClient iam(RetryStrategy retry) {
        return IamClient.builder()
                .endpointOverride(aws.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIACONNECTOR0000001", "connector-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(retry)
                        .addExecutionInterceptor(new PacingInterceptor(ServiceScope.IAM, limiter, stats)))
                .build();
    }

    @Test
    void throttledAttemptsAreCountedAndSlowTheLimiterDown() {
        RetryStrategy immediateRetries = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(3)
                .backoffStrategy(BackoffStrategy.retryImmediately())
                .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
                .build();
        try (IamClient iam = iam(immediateRetries)) {
            iam.listUsers();
            iam.listRoles();
            IamException e = assertThrows(IamException.class, iam::listGroups); // the simulator's clock is frozen
            assertEquals("Throttling", e.awsErrorDetails().errorCode());
        }
        assertEquals(5L, stats.callsByService().get("iam"));
        assertEquals(3, stats.throttled());
        assertEquals(2, stats.retries());
        assertEquals(50.0, limiter.currentRate(), "three throttles within one second halve the rate once");
    }

    @Test
    void otherErrorsDoNotCountAsThrottling() {
        try (IamClient iam = iam(AwsRetryStrategy.doNotRetry())) {
            assertThrows(IamException.class, () -> iam.getUser(b -> b.userName("nobody")));
        }
        assertEquals(0, stats.throttled());
        assertEquals(100.0, limiter.currentRate());
    }
}
