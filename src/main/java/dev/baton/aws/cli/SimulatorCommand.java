package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldFileException;
import dev.baton.aws.simulator.world.WorldGenerator;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws simulator}: serves a world file or a generated organization on loopback and prints the
 * environment and flags a connector needs, until interrupted.
 */
@Command(
        name = "simulator",
        mixinStandardHelpOptions = true,
        description = "Serve a simulated AWS (IAM, STS, Organizations, Identity Center, CloudTrail, SCIM) on"
                + " 127.0.0.1 until interrupted.")
final class SimulatorCommand implements Callable<Integer> {
    /** The scopes {@code --rate} accepts, as the simulator's rate limiter names them. */
    static final List<String> RATE_SCOPES = List.of("iam", "sts", "organizations", "identityCenter", "cloudtrail");

    private static final int MAX_PORT = 65535;

    @Option(names = "--world", paramLabel = "FILE", description = "World file (JSON, see examples/)")
    private Path world;

    @Option(
            names = "--generate",
            paramLabel = "SPEC",
            description = "Generate an organization, e.g. accounts=20,iamUsersPerAccount=20,ssoUsers=500,seed=1")
    private String generate;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port (0: a free one)")
    private int port;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Latency added to every call")
    private Long latencyMs;

    @Option(names = "--jitter-ms", paramLabel = "MS", description = "Random extra latency, up to this much")
    private Long jitterMs;

    @Option(names = "--error-rate", paramLabel = "P", description = "Share of calls answered with a retryable 500")
    private Double errorRate;

    @Option(
            names = "--rate",
            paramLabel = "SCOPE=N",
            split = ",",
            description = "Requests per second per scope: iam (per account), sts, organizations, identityCenter,"
                    + " cloudtrail; 0 = unlimited")
    private Map<String, Double> rates = new TreeMap<>();

    @Mixin
    private SimulatorFaultOptions faults = new SimulatorFaultOptions();

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    SimulatorCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        checkFaults();
        faults.validate();
        WorldState state = new WorldState(world(), Clock.systemUTC());
        try (SimulatorServer server = build(configure(SimulatorServer.builder(state)
                .port(port)
                .jsonServices(JsonServices.create(state))
                .scimHandler(new ScimHandler(state))))) {
            printConnection(spec.commandLine().getOut(), server);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "simulator-stop"));
            stopped.await();
        }
        return 0;
    }

    /** Every fault and load flag checked before the world is read, each message naming its flag. */
    private void checkFaults() {
        if (port < 0 || port > MAX_PORT) {
            throw ConfigException.invalid(
                    "--port", port + " is not a port; use 1-" + MAX_PORT + ", or 0 for a free" + " one");
        }
        checkMillis("--latency-ms", latencyMs);
        checkMillis("--jitter-ms", jitterMs);
        if (errorRate != null && !(errorRate >= 0 && errorRate <= 1)) {
            throw ConfigException.invalid(
                    "--error-rate", errorRate + " is not a share of calls; use 0-1, e.g." + " 0.05 for 5%");
        }
        for (Map.Entry<String, Double> rate : rates.entrySet()) {
            if (!RATE_SCOPES.contains(rate.getKey())) {
                throw ConfigException.invalid(
                        "--rate", "unknown scope '" + rate.getKey() + "'; valid: " + String.join(", ", RATE_SCOPES));
            }
            if (!(rate.getValue() >= 0) || rate.getValue().isInfinite()) {
                throw ConfigException.invalid(
                        "--rate",
                        rate.getKey() + "=" + rate.getValue() + " is not a rate;"
                                + " use requests per second >= 0 (0 = unlimited)");
            }
        }
    }

    private static void checkMillis(String flag, Long millis) {
        if (millis != null && millis < 0) {
            throw ConfigException.invalid(flag, millis + " is negative; use milliseconds >= 0");
        }
    }

    private World world() {
        if (world == null && generate == null) {
            throw new ConfigException(
                    "simulator needs a world: --world FILE (" + BatonDefaultProvider.environmentVariable("--world")
                            + "), e.g. --world examples/demo-world.json, or --generate SPEC ("
                            + BatonDefaultProvider.environmentVariable("--generate") + "), e.g. --generate"
                            + " accounts=20,ssoUsers=500,seed=1");
        }
        if (world != null && generate != null) {
            throw new ConfigException(ConfigException.label("--world") + " and " + ConfigException.label("--generate")
                    + " cannot be combined; serve a world file or a generated organization");
        }
        if (world != null) {
            Path file = context.workingDirectory().resolve(world);
            if (!Files.isRegularFile(file)) {
                throw ConfigException.invalid("--world", "no such file: " + file);
            }
            try {
                return new WorldLoader().load(file);
            } catch (WorldFileException e) {
                throw ConfigException.invalid("--world", e.getMessage());
            }
        }
        try {
            return new WorldGenerator().generate(generate);
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid("--generate", e.getMessage());
        }
    }

    /** Network fault rates of the flags and the world together may still exceed 1. */
    private static SimulatorServer build(SimulatorServer.Builder builder) {
        try {
            return builder.build().start();
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid("--drop-connection-rate", e.getMessage());
        }
    }

    private SimulatorServer.Builder configure(SimulatorServer.Builder builder) {
        if (latencyMs != null) {
            builder.latencyMs(latencyMs);
        }
        if (jitterMs != null) {
            builder.jitterMs(jitterMs);
        }
        if (errorRate != null) {
            builder.errorRate(errorRate);
        }
        rates.forEach(builder::ratePerSecond);
        return faults.apply(builder);
    }

    static void printConnection(PrintWriter out, SimulatorServer server) {
        out.println("# simulated AWS on " + server.endpoint() + " (Ctrl-C stops it); stats: "
                + server.endpoint().resolve("/_simulator/stats") + ", world: "
                + server.endpoint().resolve("/_simulator/world"));
        server.connectionFacts().ifPresent(facts -> printFacts(out, facts));
        out.flush();
    }

    private static void printFacts(PrintWriter out, ConnectionFacts facts) {
        out.println("export AWS_ENDPOINT_URL=" + facts.endpoint());
        out.println("export AWS_ACCESS_KEY_ID=" + facts.accessKeyId());
        out.println("export AWS_SECRET_ACCESS_KEY=" + facts.secretAccessKey().value());
        out.println("export AWS_REGION=" + facts.region());
        StringBuilder flags = new StringBuilder("baton-aws --role-arn " + facts.roleArn());
        if (facts.externalId() != null) {
            flags.append(" --external-id ").append(facts.externalId());
        }
        out.println("# then: " + flags + " --global-aws-orgs-enabled --global-aws-sso-enabled"
                + " --global-aws-cross-account-iam-enabled --sync-secrets -f sync.c1z");
    }
}
