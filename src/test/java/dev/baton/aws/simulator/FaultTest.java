package dev.baton.aws.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;

/** Throttling, injected failures, latency and the stats surface, all from builder overrides and the seed. */
class FaultTest {
    private static final String WORLD =
            SimulatorExtension.resource(SimulatorExtension.SIMULATOR_WORLDS + "small-world.json");

    @Test
    void iamIsThrottledPerAccountUntilTheBucketRefills() throws Exception {
        try (SimulatorExtension fixture = SimulatorExtension.ofJson(WORLD)
                .iamAndStsOnly()
                .ratePerSecond("iam", 2)
                .start()) {
            IamClient iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
            iam.getUser();
            iam.getUser();
            IamException throttled = assertThrows(IamException.class, iam::getUser);
            assertEquals("Throttling", throttled.awsErrorDetails().errorCode());
            assertEquals(400, throttled.statusCode());
            var credentials = fixture.sts(AwsBasicCredentials.create("AKIACONNECTOR0000001", "connector-secret"))
                    .assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")
                            .roleSessionName("other-account"))
                    .credentials();
            fixture.iam(SimulatorExtension.session(credentials)).listRoles();
            fixture.manualClock().advance(Duration.ofMillis(500));
            iam.getUser();
            JsonNode stats = new ObjectMapper()
                    .readTree(fixture.control("GET", "/_simulator/stats").body());
            assertEquals(4, stats.at("/calls/iam:GetUser").asLong());
            assertEquals(1, stats.at("/throttled/iam:GetUser").asLong());
            assertEquals(1, stats.at("/calls/iam:ListRoles").asLong());
            assertEquals(1, stats.at("/calls/sts:AssumeRole").asLong());
        }
    }

    @Test
    void admittedCallsAreCountedPerRateScopeWithoutTheThrottledOnes() {
        try (SimulatorExtension fixture = SimulatorExtension.ofJson(WORLD)
                .iamAndStsOnly()
                .ratePerSecond("iam", 2)
                .start()) {
            IamClient iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
            iam.getUser();
            iam.listUsers();
            assertThrows(IamException.class, iam::getUser);
            var credentials = fixture.sts(AwsBasicCredentials.create("AKIACONNECTOR0000001", "connector-secret"))
                    .assumeRole(b -> b.roleArn("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")
                            .roleSessionName("other-account"))
                    .credentials();
            fixture.iam(SimulatorExtension.session(credentials)).listRoles();
            var admitted = fixture.server().stats().admittedByScope();
            assertEquals(2, admitted.get("iam:111111111111"), admitted.toString());
            assertEquals(1, admitted.get("iam:222222222222"), admitted.toString());
            assertEquals(1, admitted.get("sts"), admitted.toString());
            fixture.server().stats().reset();
            assertTrue(fixture.server().stats().admittedByScope().isEmpty());
        }
    }

    @Test
    void errorRateOneFailsEveryCallWithARetryable5xx() throws Exception {
        try (SimulatorExtension fixture = SimulatorExtension.ofJson(WORLD)
                .iamAndStsOnly()
                .server(b -> b.errorRate(1.0))
                .start()) {
            IamClient iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
            for (int i = 0; i < 4; i++) {
                IamException failure = assertThrows(IamException.class, iam::getUser);
                assertTrue(
                        failure.statusCode() == 500 || failure.statusCode() == 503, "status " + failure.statusCode());
                assertTrue(List.of("InternalFailure", "ServiceUnavailable")
                        .contains(failure.awsErrorDetails().errorCode()));
            }
            IamClient retrying = IamClient.builder()
                    .endpointOverride(fixture.server().endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIACONNECTOR0000001", "connector-secret")))
                    .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(
                            software.amazon.awssdk.awscore.retry.AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                    .maxAttempts(3)
                                    .backoffStrategy(
                                            software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately())
                                    .build()))
                    .build();
            assertThrows(IamException.class, retrying::getUser);
            JsonNode stats = new ObjectMapper()
                    .readTree(fixture.control("GET", "/_simulator/stats").body());
            // 4 single attempts, then one call the SDK itself retried twice: the SDK sees these as retryable
            assertEquals(4 + 3, stats.at("/errors/iam:GetUser").asLong());
            assertEquals(200, fixture.control("POST", "/_simulator/stats/reset").statusCode());
            JsonNode reset = new ObjectMapper()
                    .readTree(fixture.control("GET", "/_simulator/stats").body());
            assertEquals(0, reset.get("calls").size());
            assertEquals(0, reset.get("errors").size());
        }
    }

    @Test
    void injectedFailuresFollowTheSeed() {
        List<String> outcomes = outcomes(5);
        assertEquals(outcomes, outcomes(5));
        assertTrue(outcomes.contains("ok") && outcomes.stream().anyMatch(o -> !o.equals("ok")), outcomes.toString());
    }

    private static List<String> outcomes(long seed) {
        try (SimulatorExtension fixture = SimulatorExtension.ofJson(WORLD)
                .iamAndStsOnly()
                .server(b -> b.errorRate(0.5).seed(seed))
                .start()) {
            IamClient iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
            List<String> result = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                try {
                    iam.getUser();
                    result.add("ok");
                } catch (IamException e) {
                    result.add(e.awsErrorDetails().errorCode());
                }
            }
            return result;
        }
    }

    @Test
    void latencyDelaysEveryCall() {
        try (SimulatorExtension fixture = SimulatorExtension.ofJson(WORLD)
                .iamAndStsOnly()
                .server(b -> b.latencyMs(150))
                .start()) {
            IamClient iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
            iam.getUser();
            long start = System.nanoTime();
            iam.getUser();
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 150);
            assertEquals(150, fixture.server().state().world().limits().latencyMs());
        }
    }

    @Test
    void unknownControlPathIs404() {
        try (SimulatorExtension fixture =
                SimulatorExtension.ofJson(WORLD).iamAndStsOnly().start()) {
            assertEquals(404, fixture.control("GET", "/_simulator/nothing").statusCode());
        }
    }
}
