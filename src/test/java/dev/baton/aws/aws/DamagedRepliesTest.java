package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Replies damaged on the way (cut mid-body, stalled past the read time-out) are transient: the SDK raises them as
 * "Unable to unmarshall response" for IAM's streamed XML, which its own retries skip, so the gateway must retry
 * them. Checked on the SDK's real exceptions from the simulator, and end to end through the connector's clients.
 */
class DamagedRepliesTest {
    private static final String KEY = "AKIACONNECTOR0000001";
    private static final String SECRET = "connector-secret";

    private static SimulatorExtension simulator(UnaryOperator<SimulatorServer.Builder> faults) {
        return SimulatorExtension.ofResource(SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                .iamAndStsOnly()
                .server(faults)
                .start();
    }

    /** The SDK's exception for one call, with neither SDK retries nor the gateway in between. */
    private static SdkException failureOf(SimulatorExtension fixture, Duration readTimeout) {
        try (IamClient iam = IamClient.builder()
                .endpointOverride(fixture.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(readTimeout)
                        .build())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            return assertThrows(SdkException.class, iam::listUsers);
        }
    }

    @Test
    void anIamBodyCutMidWayIsTransient() {
        try (SimulatorExtension fixture = simulator(b -> b.truncateBodyRate(1.0))) {
            SdkException e = failureOf(fixture, Duration.ofSeconds(10));
            assertTrue(e.getMessage().startsWith("Unable to unmarshall response"), e.toString());
            assertEquals(ErrorKind.TRANSIENT, AwsErrors.classify(e), e.toString());
        }
    }

    @Test
    void anIamBodyStalledPastTheReadTimeoutIsTransient() {
        try (SimulatorExtension fixture = simulator(b -> b.slowBody(1.0, 1_500))) {
            SdkException e = failureOf(fixture, Duration.ofMillis(300));
            assertTrue(e.getMessage().startsWith("Unable to unmarshall response"), e.toString());
            assertEquals(ErrorKind.TRANSIENT, AwsErrors.classify(e), e.toString());
        }
    }

    @Test
    void theClassificationRestsOnTheXmlParserInTheCauseChain() {
        SdkClientException cut = SdkClientException.create(
                "Unable to unmarshall response (Could not parse XML" + " response.)",
                SdkClientException.create(
                        "Could not parse XML response.",
                        new XMLStreamException("XML document structures must start and end within the same entity.")));
        assertTrue(AwsErrors.isTransient(cut));
        assertFalse(
                AwsErrors.isTransient(SdkClientException.create("Unable to unmarshall response")),
                "without a parser failure beneath, nothing says the reply was damaged");
        assertFalse(
                AwsErrors.isTransient(SdkClientException.create(
                        "Unable to load credentials from any of the" + " providers", new XMLStreamException("x"))),
                "credential failures are never transient");
    }

    /** Through the connector's own clients and gateway: every call gets through, with retries. */
    @Test
    void theConnectorsClientsGetThroughDamagedReplies() throws Exception {
        try (SimulatorExtension fixture = simulator(b -> b.truncateBodyRate(0.3).slowBody(0.3, 1_500));
                DefaultAwsClients clients = DefaultAwsClients.create(
                        new CredentialsConfig(KEY, new Secret(SECRET), "us-east-1", "", "", "", new Secret("")),
                        new OrganizationConfig(false, false, false, "us-east-1", "OrganizationAccountAccessRole"),
                        new RateLimitConfig(0, 0, 0, 0, 0),
                        AwsClientSettings.endpoint(fixture.server().endpoint(), Clock.systemUTC())
                                .withRetry(new RetryBudget(
                                        Duration.ofSeconds(30), Duration.ofMillis(20), Duration.ofMillis(100)))
                                .withReadTimeout(Duration.ofMillis(300)))) {
            AwsOperation listUsers = AwsOperation.of("iam", "ListUsers");
            for (int i = 0; i < 10; i++) {
                assertFalse(clients.gateway()
                        .call(listUsers, () -> clients.iam().listUsers())
                        .users()
                        .isEmpty());
            }
            long calls = fixture.server().stats().snapshot().calls("iam:ListUsers");
            assertTrue(calls > 10, "damaged replies were retried: " + calls + " calls for 10 answers");
        }
    }
}
