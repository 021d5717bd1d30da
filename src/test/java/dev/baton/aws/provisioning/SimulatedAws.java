package dev.baton.aws.provisioning;

import dev.baton.aws.testing.ManualClock;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.connector.iam.IamProvisioners;
import dev.baton.aws.connector.identitycenter.AssignmentPolling;
import dev.baton.aws.connector.identitycenter.IdentityCenterProvisioners;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.spi.ResourceProvisioner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The simulator loaded with {@code provisioning-world.json} on a hand-driven clock, and a test-only
 * {@link AwsClients} of real SDK clients pointed at it: IAM of each account uses that account's key from the world.
 * Retries back off in simulated time (the backoff advances the clock and returns at once), so throttling is retried
 * exactly as in production without a test waiting for real time.
 */
final class SimulatedAws implements AwsClients, AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String[]> KEYS = Map.of(
            SyncFileFixture.MANAGEMENT, new String[] {"AKIACONNECTOR0000001", "connector-secret"},
            SyncFileFixture.MEMBER, new String[] {"AKIAPRODADMIN0000001", "prod-secret"});

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    final SimulatorServer server;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final RetryStrategy retry;
    private final List<SdkAutoCloseable> built = new ArrayList<>();
    private final Map<String, IamClient> iam;
    private final OrganizationsClient organizations;
    private final SsoAdminClient ssoAdmin;
    private final IdentitystoreClient identityStore;

    SimulatedAws() {
        this(world -> { }, 1);
    }

    /** {@code edit} changes the world before it loads; {@code maxAttempts} 1 disables retries. */
    SimulatedAws(Consumer<ObjectNode> edit, int maxAttempts) {
        ObjectNode tree = fixture();
        edit.accept(tree);
        WorldState state = new WorldState(new WorldLoader().load(tree), clock);
        this.server = SimulatorServer.builder(state).jsonServices(JsonServices.create(state)).build().start();
        BackoffStrategy simulatedBackoff = attempt -> {
            clock.advance(Duration.ofMillis(500));
            return Duration.ZERO;
        };
        this.retry = AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(maxAttempts)
                .backoffStrategy(simulatedBackoff).throttlingBackoffStrategy(simulatedBackoff)
                .circuitBreakerEnabled(false).build();
        this.iam = Map.of(SyncFileFixture.MANAGEMENT, iamClient(SyncFileFixture.MANAGEMENT),
                SyncFileFixture.MEMBER, iamClient(SyncFileFixture.MEMBER));
        this.organizations = keep(configure(OrganizationsClient.builder(), SyncFileFixture.MANAGEMENT).build());
        this.ssoAdmin = keep(configure(SsoAdminClient.builder(), SyncFileFixture.MANAGEMENT).build());
        this.identityStore = keep(configure(IdentitystoreClient.builder(), SyncFileFixture.MANAGEMENT).build());
    }

    static ObjectNode fixture() {
        try (InputStream in = SimulatedAws.class.getResourceAsStream("provisioning-world.json")) {
            return (ObjectNode) JSON.readTree(requireNonNull(in, "provisioning-world.json is missing"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A world edit: one IAM call per simulated second and account, so back-to-back calls are throttled. */
    static void limitIamToOnePerSecond(ObjectNode world) {
        world.withObjectProperty("limits").withObjectProperty("ratePerSecond").put("iam", 1);
    }

    /** IAM and Identity Center provisioners as a run would register them. */
    List<ResourceProvisioner> provisioners(String accountCreationType) {
        return provisioners(accountCreationType, Duration.ofMinutes(5));
    }

    /** Assignment polling gives up after {@code timeout} of simulated time. */
    List<ResourceProvisioner> provisioners(String accountCreationType, Duration timeout) {
        List<ResourceProvisioner> all = new ArrayList<>(IamProvisioners.create(this, accountCreationType));
        AssignmentPolling polling = new AssignmentPolling(clock, clock::advance, Duration.ofSeconds(1),
                timeout);
        all.addAll(IdentityCenterProvisioners.create(this, new IdentityCenterProvisioners.Settings(
                SyncFileFixture.SSO_REGION, accountCreationType, null, polling)));
        return all;
    }

    /** The world as the simulator holds it now, from {@code GET /_simulator/world}. */
    JsonNode world() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/_simulator/world")).build();
            return JSON.readTree(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())
                    .body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code accounts[id].iam.<kind>[name]}, or null when it does not exist. */
    JsonNode iamEntity(String accountId, String kind, String name) {
        for (JsonNode account : world().path("accounts")) {
            if (account.path("id").asText().equals(accountId)) {
                return find(account.path("iam").path(kind), "name", name);
            }
        }
        throw new AssertionError("no account " + accountId);
    }

    JsonNode identityCenter() {
        return world().path("identityCenter");
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        return null;
    }

    static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    /** Identity Center assignments as {@code account|permissionSet|TYPE|principalId}. */
    List<String> assignments() {
        return StreamSupport.stream(identityCenter().path("assignments").spliterator(), false)
                .map(a -> a.path("accountId").asText() + "|" + a.path("permissionSetArn").asText() + "|"
                        + a.path("principalType").asText() + "|" + a.path("principalId").asText())
                .sorted().toList();
    }

    private IamClient iamClient(String accountId) {
        return keep(configure(IamClient.builder(), accountId).build());
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder, String account) {
        String[] key = KEYS.get(account);
        return builder.endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key[0], key[1])))
                .httpClient(http)
                .overrideConfiguration(o -> o.retryStrategy(retry));
    }

    private <T extends SdkAutoCloseable> T keep(T client) {
        built.add(client);
        return client;
    }

    @Override
    public String callerAccountId() {
        return SyncFileFixture.MANAGEMENT;
    }

    @Override
    public IamClient iam() {
        return iam.get(SyncFileFixture.MANAGEMENT);
    }

    @Override
    public IamClient iam(String accountId) {
        IamClient client = iam.get(accountId);
        if (client == null) {
            throw new AssertionError("the test world has no key for account " + accountId);
        }
        return client;
    }

    @Override
    public StsClient sts() {
        throw new UnsupportedOperationException("provisioning does not call STS");
    }

    @Override
    public OrganizationsClient organizations() {
        return organizations;
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        return ssoAdmin;
    }

    @Override
    public IdentitystoreClient identityStore() {
        return identityStore;
    }

    @Override
    public CloudTrailClient cloudTrail() {
        throw new UnsupportedOperationException("provisioning does not call CloudTrail");
    }

    @Override
    public void close() {
        built.forEach(SdkAutoCloseable::close);
        http.close();
        server.close();
    }
}
