package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

class AssumeRoleCredentialsProviderTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** Issues credentials with the given lifetime and records each request. */
    private final class FakeSts implements StsClient {
        final List<AssumeRoleRequest> requests = new ArrayList<>();
        final Duration lifetime;
        boolean answerWithNothing;
        int repliesCutShort;

        FakeSts(Duration lifetime) {
            this.lifetime = lifetime;
        }

        @Override
        public AssumeRoleResponse assumeRole(AssumeRoleRequest request) {
            requests.add(request);
            if (repliesCutShort > 0) {
                repliesCutShort--;
                throw SdkClientException.create(
                        "Unable to unmarshall response (Could not parse XML response.)",
                        new XMLStreamException("XML document structures must start and end within the same entity."));
            }
            if (answerWithNothing) {
                return AssumeRoleResponse.builder().build();
            }
            return AssumeRoleResponse.builder()
                    .credentials(Credentials.builder()
                            .accessKeyId("ASIA" + requests.size())
                            .secretAccessKey("s")
                            .sessionToken("t")
                            .expiration(clock.instant().plus(lifetime))
                            .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "sts";
        }

        @Override
        public void close() {}
    }

    /** Only Credentials (without AssumedRoleUser or PackedPolicySize) is what every other test here answers. */
    @Test
    void anAnswerWithoutCredentialsStopsTheRunNamingTheRoleAndWhatIsMissing() {
        FakeSts sts = new FakeSts(Duration.ofHours(1));
        sts.answerWithNothing = true;
        var provider = new AssumeRoleCredentialsProvider(sts, "arn:aws:iam::222222222222:role/R", "", "s", 0, clock);
        AwsCallException e = assertThrows(
                AwsCallException.class,
                () -> ConnectorCredentials.resolveEagerly(
                        AwsGateway.sdkAttemptsOnly(), provider, "222222222222", "--external-id", false));
        assertEquals(
                "sts:AssumeRole on arn:aws:iam::222222222222:role/R (account 222222222222): sts:AssumeRole"
                        + " answered without Credentials",
                e.getMessage());
    }

    /** A child-account hop whose STS reply arrived cut short is retried, as every other AWS call is. */
    @Test
    void aHopWhoseReplyWasCutShortIsRetriedWithinTheBudget() throws AwsCallException {
        FakeSts sts = new FakeSts(Duration.ofHours(1));
        sts.repliesCutShort = 2;
        var provider = new AssumeRoleCredentialsProvider(sts, "arn:aws:iam::222222222222:role/R", "", "s", 0, clock);
        List<Duration> pauses = new ArrayList<>();
        AwsGateway gateway = new AwsGateway(RetryBudget.of(Duration.ofMinutes(1)), pauses::add, () -> 0L);

        ConnectorCredentials.resolveEagerly(gateway, provider, "222222222222", null, false);

        assertEquals(3, sts.requests.size());
        assertEquals(2, pauses.size());
        assertEquals("ASIA3", provider.resolveCredentials().accessKeyId());
    }

    /** The operator's binding hop of two-hop mode is retried the same way, and then the customer's role is assumed. */
    @Test
    void aBindingHopWhoseReplyWasCutShortIsRetriedToo() throws AwsCallException {
        FakeSts sts = new FakeSts(Duration.ofHours(1));
        sts.repliesCutShort = 1;
        CredentialsConfig twoHop = new CredentialsConfig(
                "",
                new Secret(""),
                "us-east-1",
                "arn:aws:iam::222222222222:role/Connector",
                "external",
                "arn:aws:iam::333333333333:role/Binding",
                new Secret("binding-external"));
        List<Duration> pauses = new ArrayList<>();
        AwsGateway gateway = new AwsGateway(RetryBudget.of(Duration.ofMinutes(1)), pauses::add, () -> 0L);

        AwsCredentials credentials = ConnectorCredentials.connector(
                        twoHop,
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIA", "s")),
                        source -> sts,
                        clock,
                        gateway)
                .resolveCredentials();

        assertEquals(
                List.of(
                        "arn:aws:iam::333333333333:role/Binding",
                        "arn:aws:iam::333333333333:role/Binding",
                        "arn:aws:iam::222222222222:role/Connector"),
                sts.requests.stream().map(AssumeRoleRequest::roleArn).toList());
        assertEquals(1, pauses.size());
        assertEquals("ASIA3", credentials.accessKeyId());
    }

    @Test
    void shortSessionsRefreshAtHalfTheirLifetime() {
        FakeSts sts = new FakeSts(Duration.ofSeconds(60));
        var provider = new AssumeRoleCredentialsProvider(sts, "arn:aws:iam::222222222222:role/R", "", "s", 3600, clock);
        AwsCredentials first = provider.resolveCredentials();
        clock.advance(Duration.ofSeconds(29));
        assertEquals(first.accessKeyId(), provider.resolveCredentials().accessKeyId());
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first.accessKeyId(), provider.resolveCredentials().accessKeyId());
        assertEquals(2, sts.requests.size());
    }

    @Test
    void hourLongSessionsRefreshFiveMinutesBeforeExpiry() {
        FakeSts sts = new FakeSts(Duration.ofHours(1));
        var provider =
                new AssumeRoleCredentialsProvider(sts, "arn:aws:iam::222222222222:role/R", "ext-id", "s", 3600, clock);
        provider.resolveCredentials();
        clock.advance(Duration.ofMinutes(54));
        provider.resolveCredentials();
        assertEquals(1, sts.requests.size());
        clock.advance(Duration.ofMinutes(1));
        provider.resolveCredentials();
        assertEquals(2, sts.requests.size());
        assertEquals("ext-id", sts.requests.get(0).externalId());
        assertEquals(3600, sts.requests.get(0).durationSeconds());
    }

    @Test
    void emptyExternalIdIsNotSent() {
        FakeSts sts = new FakeSts(Duration.ofHours(1));
        new AssumeRoleCredentialsProvider(sts, "arn:aws:iam::222222222222:role/R", "", "s", 0, clock)
                .resolveCredentials();
        assertEquals(null, sts.requests.get(0).externalId());
        assertEquals(null, sts.requests.get(0).durationSeconds());
    }
}
