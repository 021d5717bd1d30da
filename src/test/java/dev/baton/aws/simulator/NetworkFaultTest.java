package dev.baton.aws.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.fault.NetworkFault;
import dev.baton.aws.simulator.fault.NetworkFaults;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The transport faults as an SDK client sees them: a dropped connection is an I/O failure, a body cut short an
 * unmarshalling failure, a body that stalls past the attempt timeout an attempt timeout; the SDK's standard retries
 * get through a low rate of dropped connections and slow bodies.
 */
class NetworkFaultTest {
    private static final String KEY = "AKIACONNECTOR0000001";
    private static final String SECRET = "connector-secret";

    private static SimulatorExtension fixture(UnaryOperator<SimulatorServer.Builder> faults) {
        return SimulatorExtension.ofResource(SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                .iamAndStsOnly()
                .server(faults)
                .start();
    }

    private static IamClient client(SimulatorExtension fixture, int maxAttempts) {
        return IamClient.builder()
                .endpointOverride(fixture.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(Duration.ofSeconds(10))
                        .build())
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMillis(250))
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(maxAttempts)
                                .backoffStrategy(BackoffStrategy.retryImmediately())
                                .circuitBreakerEnabled(false)
                                .build()))
                .build();
    }

    @Test
    void aDroppedConnectionIsAnIoFailure() {
        try (SimulatorExtension fixture = fixture(b -> b.dropConnectionRate(1.0));
                IamClient iam = client(fixture, 1)) {
            SdkClientException e = assertThrows(SdkClientException.class, iam::getUser);
            assertInstanceOf(IOException.class, e.getCause(), e.toString());
        }
    }

    /**
     * The SDK parses awsQuery XML as it streams in, so a body cut short usually surfaces as an unmarshalling
     * failure, which the standard retry strategy does not retry (when the break is seen first as a reset
     * connection, it is an I/O failure and retried): either way every attempt fails here.
     */
    @Test
    void aBodyCutShortFailsTheCall() {
        try (SimulatorExtension fixture = fixture(b -> b.truncateBodyRate(1.0));
                IamClient iam = client(fixture, 3)) {
            SdkClientException e = assertThrows(SdkClientException.class, iam::getUser);
            assertTrue(
                    e.getMessage().startsWith("Unable to unmarshall response") || e.getCause() instanceof IOException,
                    e.toString());
        }
    }

    @Test
    void aSlowBodyRunsIntoTheAttemptTimeout() {
        try (SimulatorExtension fixture = fixture(b -> b.slowBody(1.0, 700));
                IamClient iam = client(fixture, 1)) {
            assertThrows(ApiCallAttemptTimeoutException.class, iam::getUser);
        }
    }

    @Test
    void aSlowBodyWithinTheTimeoutArrivesWhole() {
        try (SimulatorExtension fixture = fixture(b -> b.slowBody(1.0, 50));
                IamClient iam = client(fixture, 1)) {
            assertEquals("connector", iam.getUser().user().userName());
        }
    }

    @Test
    void standardRetriesRecoverFromALowRateOfDroppedConnectionsAndSlowBodies() {
        try (SimulatorExtension fixture =
                        fixture(b -> b.dropConnectionRate(0.15).slowBody(0.15, 600));
                IamClient iam = client(fixture, 6)) {
            for (int i = 0; i < 20; i++) {
                assertEquals("connector", iam.getUser().user().userName());
            }
            long calls = fixture.server().stats().snapshot().calls("iam:GetUser");
            assertTrue(calls > 20, "some attempts failed and were retried: " + calls);
        }
    }

    @Test
    void faultsFollowTheSeedAndTheRates() {
        assertEquals(draws(3), draws(3));
        List<NetworkFault> many = draws(3);
        assertTrue(
                many.contains(NetworkFault.DROP_CONNECTION)
                        && many.contains(NetworkFault.SLOW_BODY)
                        && many.contains(NetworkFault.TRUNCATE_BODY)
                        && many.contains(NetworkFault.NONE),
                many.toString());
        assertTrue(new ArrayList<>(List.of(new NetworkFaults(0, 0, 0, 3).next())).contains(NetworkFault.NONE));
    }

    private static List<NetworkFault> draws(long seed) {
        NetworkFaults faults = new NetworkFaults(0.2, 0.2, 0.2, seed);
        List<NetworkFault> result = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            result.add(faults.next());
        }
        return result;
    }
}
