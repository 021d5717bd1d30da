package dev.baton.aws.provisioning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.connector.iam.IamProvisioners;
import dev.baton.aws.connector.identitycenter.AssignmentPolling;
import dev.baton.aws.connector.identitycenter.IdentityCenterProvisioners;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.spi.ResourceProvisioner;
import dev.baton.aws.testing.ManualClock;
import dev.baton.aws.testing.SimulatorAwsClients;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The simulator ({@link SimulatorExtension}) loaded with {@code provisioning-world.json} on a hand-driven clock, the
 * provisioners a run registers, and reads of the world the provisioners changed. Not the extension itself: it adds
 * what only provisioning tests need. Its {@link SimulatorAwsClients} sign IAM of each account with that account's
 * key from the world, and retries back off in simulated time (the backoff advances the clock and returns at once),
 * so throttling is retried exactly as in production without a test waiting for real time.
 */
final class SimulatedAws implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final ManualClock clock = new ManualClock(Instant.parse("2026-11-28T12:00:00Z"));
    final SimulatorServer server;
    private final SimulatorExtension simulator;
    private final SimulatorAwsClients clients;

    SimulatedAws() {
        this(world -> {}, 1);
    }

    /** {@code edit} changes the world before it loads; {@code maxAttempts} 1 disables retries. */
    SimulatedAws(Consumer<ObjectNode> edit, int maxAttempts) {
        this.simulator = SimulatorExtension.ofTree(fixture())
                .edit(edit)
                .clock(clock)
                .withoutScim()
                .start();
        this.server = simulator.server();
        BackoffStrategy simulatedBackoff = attempt -> {
            clock.advance(Duration.ofMillis(500));
            return Duration.ZERO;
        };
        RetryStrategy retry = AwsRetryStrategy.standardRetryStrategy().toBuilder()
                .maxAttempts(maxAttempts)
                .backoffStrategy(simulatedBackoff)
                .throttlingBackoffStrategy(simulatedBackoff)
                .circuitBreakerEnabled(false)
                .build();
        this.clients = SimulatorAwsClients.builder(server.endpoint())
                .credentials(AwsBasicCredentials.create("AKIACONNECTOR0000001", "connector-secret"))
                .callerAccountId(SyncFileFixture.MANAGEMENT)
                .account(SyncFileFixture.MEMBER, AwsBasicCredentials.create("AKIAPRODADMIN0000001", "prod-secret"))
                .ssoRegion(SyncFileFixture.SSO_REGION)
                .retryStrategy(retry)
                .build();
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
        List<ResourceProvisioner> all = new ArrayList<>(IamProvisioners.create(clients, accountCreationType));
        AssignmentPolling polling = new AssignmentPolling(clock, clock::advance, Duration.ofSeconds(1), timeout);
        all.addAll(IdentityCenterProvisioners.create(
                clients,
                new IdentityCenterProvisioners.Settings(
                        SyncFileFixture.SSO_REGION, accountCreationType, null, polling)));
        return all;
    }

    /** The world as the simulator holds it now, from {@code GET /_simulator/world}. */
    JsonNode world() {
        return simulator.worldFile();
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
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** Identity Center assignments as {@code account|permissionSet|TYPE|principalId}. */
    List<String> assignments() {
        return StreamSupport.stream(identityCenter().path("assignments").spliterator(), false)
                .map(a -> a.path("accountId").asText() + "|"
                        + a.path("permissionSetArn").asText() + "|"
                        + a.path("principalType").asText() + "|"
                        + a.path("principalId").asText())
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        clients.close();
        simulator.close();
    }
}
