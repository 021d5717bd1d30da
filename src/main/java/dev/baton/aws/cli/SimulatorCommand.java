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
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws simulator}: serves a world file or a generated organization on loopback and prints the
 * environment and flags a connector needs, until interrupted.
 */
@Command(name = "simulator", mixinStandardHelpOptions = true,
        description = "Serve a simulated AWS (IAM, STS, Organizations, Identity Center, CloudTrail, SCIM) on"
                + " 127.0.0.1 until interrupted.")
final class SimulatorCommand implements Callable<Integer> {
    @ArgGroup(multiplicity = "1")
    private WorldSource source;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port (0: a free one)")
    private int port;

    @Option(names = "--latency-ms", paramLabel = "MS", description = "Latency added to every call")
    private Long latencyMs;

    @Option(names = "--jitter-ms", paramLabel = "MS", description = "Random extra latency, up to this much")
    private Long jitterMs;

    @Option(names = "--error-rate", paramLabel = "P", description = "Share of calls answered with a retryable 500")
    private Double errorRate;

    @Option(names = "--rate", paramLabel = "SCOPE=N", split = ",",
            description = "Requests per second per scope: iam (per account), sts, organizations, identityCenter,"
                    + " cloudtrail; 0 = unlimited")
    private Map<String, Double> rates = new TreeMap<>();

    @Mixin private SimulatorFaultOptions faults = new SimulatorFaultOptions();

    @Spec private CommandSpec spec;

    private final ProcessContext context;

    static final class WorldSource {
        @Option(names = "--world", paramLabel = "FILE", description = "World file (JSON, see examples/)")
        Path world;

        @Option(names = "--generate", paramLabel = "SPEC",
                description = "Generate an organization, e.g. accounts=20,iamUsersPerAccount=20,ssoUsers=500,seed=1")
        String generate;
    }

    SimulatorCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        faults.validate();
        WorldState state = new WorldState(world(), Clock.systemUTC());
        try (SimulatorServer server = build(configure(SimulatorServer.builder(state).port(port)
                .jsonServices(JsonServices.create(state)).scimHandler(new ScimHandler(state))))) {
            printConnection(spec.commandLine().getOut(), server);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "simulator-stop"));
            stopped.await();
        }
        return 0;
    }

    private World world() {
        if (source.world != null) {
            Path file = context.workingDirectory().resolve(source.world);
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
            return new WorldGenerator().generate(source.generate);
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
