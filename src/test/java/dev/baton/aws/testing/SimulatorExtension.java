package dev.baton.aws.testing;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpHandler;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.service.JsonService;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.world.Credential;
import dev.baton.aws.simulator.world.SparseMode;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * The one way tests start the embedded AWS simulator: a {@link SimulatorServer} on a free loopback port serving one
 * world, with everything a test reaches it through.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SimulatorExtension aws = SimulatorExtension.of(DemoWorld.create()).pageSize("organizations", 1);
 *
 * @Test
 * void syncs() {
 *     AwsClients clients = aws.clients();          // the connector's role, no retries
 *     ... aws.stats().calls("organizations:ListAccounts") ...
 * }
 * }</pre>
 *
 * <p>In a {@code static} field the simulator starts before all tests of the class and stops after them; in an
 * instance field each test gets a fresh one. A test that needs a simulator of its own (a fault per parameterized
 * case) configures one the same way and calls {@link #start()} in try-with-resources.
 *
 * <p>By default the simulator serves IAM, STS, every JSON service and SCIM, on a {@link ManualClock} at
 * {@link #START} (a fresh clock for each start). Options (before start): the world edit ({@link #edit}), the clock,
 * the services (and the SCIM handler, {@link #scim}), page sizes, rates, sparse replies and any other
 * {@link SimulatorServer.Builder} setting ({@link #server}, for faults).
 */
public final class SimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, AutoCloseable {
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    /** Where the simulator's own contract-test worlds live on the test classpath. */
    public static final String SIMULATOR_WORLDS = "/dev/baton/aws/simulator/world/";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<Consumer<ObjectNode>, World> world;
    private Consumer<ObjectNode> edit = tree -> {};
    private Supplier<Clock> clocks = () -> new ManualClock(START);
    private Function<WorldState, List<JsonService>> jsonServices = JsonServices::create;
    private Function<WorldState, HttpHandler> scim = ScimHandler::new;
    private UnaryOperator<SimulatorServer.Builder> options = builder -> builder;

    private Clock clock;
    private SimulatorServer server;
    private SimulatorAwsClients clients;
    private String owner;

    private SimulatorExtension(Function<Consumer<ObjectNode>, World> world) {
        this.world = world;
    }

    /** A simulator serving {@code world} as it is. */
    public static SimulatorExtension of(World world) {
        requireNonNull(world, "world is null");
        return new SimulatorExtension(edit -> world);
    }

    /** A simulator serving a world file's text. */
    public static SimulatorExtension ofJson(String worldJson) {
        return new SimulatorExtension(edit -> load(tree(worldJson), edit));
    }

    /** A simulator serving a world file on the test classpath, e.g. {@code /worlds/sso-small.json}. */
    public static SimulatorExtension ofResource(String path) {
        return ofJson(resource(path));
    }

    /** A simulator serving a world file's JSON tree (a copy is loaded, so edits do not touch {@code tree}). */
    public static SimulatorExtension ofTree(ObjectNode tree) {
        return new SimulatorExtension(edit -> load(tree.deepCopy(), edit));
    }

    /** The text of a test classpath resource, e.g. {@code /worlds/sso-small.json}. */
    public static String resource(String path) {
        try (InputStream in = SimulatorExtension.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static World load(ObjectNode tree, Consumer<ObjectNode> edit) {
        edit.accept(tree);
        return new WorldLoader().load(tree);
    }

    // ---- options, before start

    /** Changes a world file's JSON tree before it loads (e.g. a deny list); not for {@link #of(World)}. */
    public SimulatorExtension edit(Consumer<ObjectNode> change) {
        Consumer<ObjectNode> before = unstarted(this.edit);
        this.edit = before.andThen(change);
        return this;
    }

    /** A {@link ManualClock} at {@code start}, fresh for each start. */
    public SimulatorExtension startingAt(Instant start) {
        unstarted(start);
        this.clocks = () -> new ManualClock(start);
        return this;
    }

    /** The test's own clock, the same instance for every start. */
    public SimulatorExtension clock(Clock value) {
        unstarted(value);
        this.clocks = () -> value;
        return this;
    }

    /** Real time. */
    public SimulatorExtension systemClock() {
        return clock(Clock.systemUTC());
    }

    /** These JSON services instead of all of them. */
    public SimulatorExtension jsonServices(Function<WorldState, List<JsonService>> services) {
        this.jsonServices = unstarted(services);
        return this;
    }

    /** IAM and STS (and the credential endpoints) only: no JSON services, no SCIM. */
    public SimulatorExtension iamAndStsOnly() {
        return jsonServices(state -> List.of()).withoutScim();
    }

    /** No SCIM handler on {@code /scim/}. */
    public SimulatorExtension withoutScim() {
        unstarted(this);
        this.scim = null;
        return this;
    }

    /** This handler on {@code /scim/} instead of a {@link ScimHandler} (e.g. one that counts the calls). */
    public SimulatorExtension scim(Function<WorldState, HttpHandler> handler) {
        this.scim = unstarted(requireNonNull(handler, "handler is null"));
        return this;
    }

    /** Pages of {@code service} (e.g. {@code sso}) hold at most {@code size} items. */
    public SimulatorExtension pageSize(String service, int size) {
        return server(builder -> builder.pageSize(service, size));
    }

    /** Calls of {@code scope} (e.g. {@code iam}) are admitted at {@code perSecond} of simulated time. */
    public SimulatorExtension ratePerSecond(String scope, double perSecond) {
        return server(builder -> builder.ratePerSecond(scope, perSecond));
    }

    /** Replies leave out members the AWS model does not require. */
    public SimulatorExtension sparse(SparseMode mode, long seed) {
        return server(builder -> builder.sparse(mode, seed));
    }

    /** Any other server setting (faults, latency, signatures...), applied after the ones above. */
    public SimulatorExtension server(UnaryOperator<SimulatorServer.Builder> more) {
        UnaryOperator<SimulatorServer.Builder> before = unstarted(this.options);
        this.options = builder -> more.apply(before.apply(builder));
        return this;
    }

    private <T> T unstarted(T value) {
        if (server != null) {
            throw new IllegalStateException("the simulator has started; set options before");
        }
        return value;
    }

    // ---- lifecycle

    /** Starts the simulator (for a test that owns one: close it, e.g. with try-with-resources). */
    public SimulatorExtension start() {
        unstarted(this);
        clock = clocks.get();
        WorldState state = new WorldState(world.apply(edit), clock);
        SimulatorServer.Builder builder = SimulatorServer.builder(state).jsonServices(jsonServices.apply(state));
        if (scim != null) {
            builder.scimHandler(scim.apply(state));
        }
        server = options.apply(builder).build().start();
        return this;
    }

    /** Stops the simulator and closes {@link #clients()}; it may start again. */
    @Override
    public void close() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            owner = context.getUniqueId();
            start();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(owner)) {
            owner = null;
            close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (server == null) {
            owner = context.getUniqueId();
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        afterAll(context);
    }

    // ---- what tests use

    public SimulatorServer server() {
        if (server == null) {
            throw new IllegalStateException("the simulator is not running");
        }
        return server;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return server().endpoint();
    }

    public WorldState state() {
        return server().state();
    }

    /** The world as the simulator holds it now. */
    public World world() {
        return state().world();
    }

    public Clock clock() {
        server();
        return clock;
    }

    /** The clock, when it is the default hand-driven one (or {@link #startingAt}). */
    public ManualClock manualClock() {
        if (!(clock() instanceof ManualClock manual)) {
            throw new IllegalStateException("the simulator runs on " + clock);
        }
        return manual;
    }

    /** The connector user's key and role of a world that follows that convention. */
    public ConnectionFacts facts() {
        return server().connectionFacts()
                .orElseThrow(() -> new IllegalStateException("the world has no connector user and role"));
    }

    /** The calls served so far. */
    public CallStats.Snapshot stats() {
        return server().stats().snapshot();
    }

    public void resetStats() {
        server().stats().reset();
    }

    /**
     * SDK clients as the connector's role ({@link #facts()}: its key assumes the role once, with its external id),
     * no retries, Identity Center in the facts' region; closed when the simulator stops.
     */
    public synchronized SimulatorAwsClients clients() {
        if (clients == null) {
            ConnectionFacts facts = facts();
            Credentials session;
            try (StsClient sts = sts(AwsBasicCredentials.create(
                    facts.accessKeyId(), facts.secretAccessKey().value()))) {
                session = sts.assumeRole(r -> r.roleArn(facts.roleArn())
                                .roleSessionName("test")
                                .externalId(facts.externalId()))
                        .credentials();
            }
            clients = SimulatorAwsClients.builder(endpoint())
                    .credentials(session(session))
                    .ssoRegion(facts.region())
                    .build();
        }
        return clients;
    }

    /** SDK clients signed with a long-term key, no retries; the caller closes them. */
    public SimulatorAwsClients clients(String accessKeyId, String secretAccessKey, String ssoRegion) {
        return new SimulatorAwsClients(endpoint(), accessKeyId, secretAccessKey, ssoRegion);
    }

    /** One SDK client (us-east-1, no retries) signed with {@code credentials}. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(
            B builder, AwsCredentials credentials) {
        return builder.endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** One SDK client signed with the world's long-term key {@code accessKeyId} (its secret from the world). */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, String accessKeyId) {
        Credential key = world().credential(accessKeyId)
                .orElseThrow(() -> new IllegalArgumentException("the world has no key " + accessKeyId));
        return client(
                builder,
                AwsBasicCredentials.create(accessKeyId, key.secretAccessKey().value()));
    }

    public IamClient iam(String accessKeyId, String secretAccessKey) {
        return iam(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
    }

    public IamClient iam(AwsCredentials credentials) {
        return client(IamClient.builder(), credentials);
    }

    public StsClient sts(AwsCredentials credentials) {
        return client(StsClient.builder(), credentials);
    }

    public OrganizationsClient organizations(String accessKeyId) {
        return client(OrganizationsClient.builder(), accessKeyId);
    }

    public SsoAdminClient ssoAdmin(String accessKeyId) {
        return client(SsoAdminClient.builder(), accessKeyId);
    }

    public IdentitystoreClient identityStore(String accessKeyId) {
        return client(IdentitystoreClient.builder(), accessKeyId);
    }

    public CloudTrailClient cloudTrail(String accessKeyId) {
        return client(CloudTrailClient.builder(), accessKeyId);
    }

    /** STS credentials as SDK session credentials. */
    public static AwsCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(
                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
    }

    /** A raw HTTP call without a body, e.g. to the control surface {@code /_simulator/stats}. */
    public HttpResponse<String> control(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .build();
            return HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code GET /_simulator/world}: the world after writes, in the world-file format. */
    public JsonNode worldFile() {
        try {
            return JSON.readTree(control("GET", "/_simulator/world").body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
