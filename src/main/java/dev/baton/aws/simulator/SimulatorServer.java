package dev.baton.aws.simulator;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.fault.FaultGate;
import dev.baton.aws.simulator.fault.FaultSettings;
import dev.baton.aws.simulator.fault.NetworkFaults;
import dev.baton.aws.simulator.protocol.ResponseModel;
import dev.baton.aws.simulator.protocol.SparseEncoder;
import dev.baton.aws.simulator.service.CallerResolver;
import dev.baton.aws.simulator.service.CredentialEndpoints;
import dev.baton.aws.simulator.service.IamService;
import dev.baton.aws.simulator.service.IdentityPolicyCheck;
import dev.baton.aws.simulator.service.JsonService;
import dev.baton.aws.simulator.service.StsService;
import dev.baton.aws.simulator.service.StsSessions;
import dev.baton.aws.simulator.world.ConnectorAccess;
import dev.baton.aws.simulator.world.Faults;
import dev.baton.aws.simulator.world.Limits;
import dev.baton.aws.simulator.world.SparseMode;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded AWS: one JDK {@link HttpServer} on 127.0.0.1 serving IAM and STS (built here), the JSON services
 * handed in, the credential endpoints of {@link CredentialEndpoints} (SSO portal, IMDS, container), an optional SCIM
 * handler on {@code /scim/}, and the control surface on {@code /_simulator/}.
 *
 * <pre>{@code
 * WorldState state = new WorldState(new WorldLoader().load(file), Clock.systemUTC());
 * SimulatorServer server = SimulatorServer.builder(state).jsonServices(List.of(...)).build().start();
 * }</pre>
 */
public final class SimulatorServer implements AutoCloseable {
    private static final int THREADS = 16;

    private final WorldState state;
    private final CallStats stats = new CallStats();
    private final HttpServer http;
    private final ExecutorService executor;

    private SimulatorServer(Builder builder) {
        this.state = builder.state;
        FaultGate gate = new FaultGate(faultSettings(state.world().limits()), state.clock());
        StsSessions sessions = new StsSessions();
        Limits limits = state.world().limits();
        Faults faults = limits.faults();
        ReplySettings replies = new ReplySettings(
                faults.verifySignatures(),
                new SparseEncoder(ResponseModel.load(), faults.sparse(), faults.sparseSeed()),
                new NetworkFaults(
                        faults.dropConnectionRate(), faults.truncateBodyRate(), faults.slowBodyRate(), limits.seed()),
                faults.slowBodyDelayMs());
        AwsRequestHandler aws = new AwsRequestHandler(
                List.of(new IamService(state), new StsService(state, sessions)),
                builder.jsonServices,
                new CallerResolver(state, sessions),
                new IdentityPolicyCheck(state),
                gate,
                stats,
                replies);
        try {
            this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + builder.port, e);
        }
        http.createContext("/", aws);
        http.createContext("/_simulator/", new ControlHandler(state, stats));
        CredentialEndpoints.handlers(state, sessions).forEach(http::createContext);
        if (builder.scimHandler != null) {
            http.createContext("/scim/", builder.scimHandler);
        }
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "simulator-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        http.setExecutor(executor);
    }

    public static Builder builder(WorldState state) {
        return new Builder(state);
    }

    private static FaultSettings faultSettings(Limits limits) {
        return new FaultSettings(
                limits.latencyMs(), limits.jitterMs(), limits.errorRate(), limits.seed(), limits.ratePerSecond());
    }

    public SimulatorServer start() {
        http.start();
        return this;
    }

    public void stop() {
        http.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code AWS_ENDPOINT_URL}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
    }

    public WorldState state() {
        return state;
    }

    public CallStats stats() {
        return stats;
    }

    /** The connector user's key and connector role of the current world, when it follows that convention. */
    public Optional<ConnectionFacts> connectionFacts() {
        return ConnectorAccess.find(state.world())
                .map(access -> new ConnectionFacts(
                        endpoint(),
                        access.accessKeyId(),
                        access.secretAccessKey(),
                        access.region(),
                        access.roleArn(),
                        access.externalId()));
    }

    /** Builds a server; limit overrides (for command-line flags) replace the world's limits before start. */
    public static final class Builder {
        private final WorldState state;
        private final List<JsonService> jsonServices = new ArrayList<>();
        private final Map<String, Double> rates = new TreeMap<>();
        private final Map<String, Integer> pageSizes = new TreeMap<>();
        private HttpHandler scimHandler;
        private int port;
        private Long latencyMs;
        private Long jitterMs;
        private Double errorRate;
        private Long seed;
        private Long credentialLifetimeSeconds;
        private SparseMode sparse;
        private Long sparseSeed;
        private Boolean verifySignatures;
        private Double dropConnectionRate;
        private Double truncateBodyRate;
        private Double slowBodyRate;
        private Long slowBodyDelayMs;

        private Builder(WorldState state) {
            this.state = requireNonNull(state, "state is null");
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder jsonServices(List<JsonService> services) {
            jsonServices.addAll(services);
            return this;
        }

        public Builder scimHandler(HttpHandler handler) {
            this.scimHandler = requireNonNull(handler, "handler is null");
            return this;
        }

        public Builder latencyMs(long value) {
            this.latencyMs = value;
            return this;
        }

        public Builder jitterMs(long value) {
            this.jitterMs = value;
            return this;
        }

        public Builder errorRate(double value) {
            this.errorRate = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder credentialLifetimeSeconds(long value) {
            this.credentialLifetimeSeconds = value;
            return this;
        }

        /** Leaves out reply members AWS's model does not require: all of them, or a subset chosen from {@code seed}. */
        public Builder sparse(SparseMode mode, long seed) {
            return sparse(mode).sparseSeed(seed);
        }

        public Builder sparse(SparseMode mode) {
            this.sparse = requireNonNull(mode, "mode is null");
            return this;
        }

        public Builder sparseSeed(long seed) {
            this.sparseSeed = seed;
            return this;
        }

        /** Whether SigV4 signatures are checked against the caller's secret key (the world decides by default). */
        public Builder verifySignatures(boolean value) {
            this.verifySignatures = value;
            return this;
        }

        /** Share of calls whose connection is closed without a reply. */
        public Builder dropConnectionRate(double value) {
            this.dropConnectionRate = value;
            return this;
        }

        /** Share of calls whose reply body stops half-way and the connection closes. */
        public Builder truncateBodyRate(double value) {
            this.truncateBodyRate = value;
            return this;
        }

        /** Share of calls whose reply body stalls half-way for {@code delayMs} before the rest is written. */
        public Builder slowBody(double rate, long delayMs) {
            return slowBodyRate(rate).slowBodyDelayMs(delayMs);
        }

        public Builder slowBodyRate(double rate) {
            this.slowBodyRate = rate;
            return this;
        }

        public Builder slowBodyDelayMs(long delayMs) {
            this.slowBodyDelayMs = delayMs;
            return this;
        }

        /** Rate for a scope ({@code iam}, {@code sts}, {@code organizations}, {@code identityCenter}, {@code cloudtrail}). */
        public Builder ratePerSecond(String scope, double value) {
            rates.put(scope, value);
            return this;
        }

        public Builder pageSize(String service, int value) {
            pageSizes.put(service, value);
            return this;
        }

        public SimulatorServer build() {
            state.update(world -> world.withLimits(overridden(world)));
            return new SimulatorServer(this);
        }

        private Limits overridden(World world) {
            Limits limits = world.limits();
            Map<String, Double> newRates = new TreeMap<>(limits.ratePerSecond());
            newRates.putAll(rates);
            Map<String, Integer> newPages = new TreeMap<>(limits.pageSize());
            newPages.putAll(pageSizes);
            return new Limits(
                    latencyMs != null ? latencyMs : limits.latencyMs(),
                    jitterMs != null ? jitterMs : limits.jitterMs(),
                    errorRate != null ? errorRate : limits.errorRate(),
                    seed != null ? seed : limits.seed(),
                    newRates,
                    newPages,
                    credentialLifetimeSeconds != null ? credentialLifetimeSeconds : limits.credentialLifetimeSeconds(),
                    limits.assignmentDelayMs(),
                    overridden(limits.faults()));
        }

        private Faults overridden(Faults faults) {
            return new Faults(
                    sparse != null ? sparse : faults.sparse(),
                    sparseSeed != null ? sparseSeed : faults.sparseSeed(),
                    verifySignatures != null ? verifySignatures : faults.verifySignatures(),
                    dropConnectionRate != null ? dropConnectionRate : faults.dropConnectionRate(),
                    truncateBodyRate != null ? truncateBodyRate : faults.truncateBodyRate(),
                    slowBodyRate != null ? slowBodyRate : faults.slowBodyRate(),
                    slowBodyDelayMs != null ? slowBodyDelayMs : faults.slowBodyDelayMs());
        }
    }
}
