package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.fault.CallStats;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.testing.C1zAssertions;
import dev.baton.aws.testing.SimulatorExtension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One CLI sync (in process, production wiring pointed at the simulator) of a fresh simulator serving {@code world}
 * with Organizations and Identity Center on, as the connector's demo credentials; fails the test unless it exits 0
 * with a valid file.
 */
final class SimulatorCliSync {
    /** What a successful run left: its file's rows, its stderr and the simulator's call counters. */
    record Outcome(SyncedIds ids, String err, CallStats.Snapshot stats) {}

    /** How any run ended. */
    record Attempt(int exitCode, String err, CallStats.Snapshot stats) {}

    private SimulatorCliSync() {}

    /**
     * The flags that point a sync at the simulator of {@code facts} as its connector role (static keys, region,
     * role ARN, external id) with Organizations and Identity Center on: what every CLI test against the simulator
     * starts from.
     */
    static List<String> connectionFlags(ConnectionFacts facts) {
        return List.of(
                "--global-access-key-id",
                facts.accessKeyId(),
                "--global-secret-access-key",
                facts.secretAccessKey().value(),
                "--global-region",
                facts.region(),
                "--role-arn",
                facts.roleArn(),
                "--external-id",
                facts.externalId(),
                "--global-aws-orgs-enabled",
                "--global-aws-sso-enabled");
    }

    /**
     * @param server adds settings to the simulator (sparse replies, rate limits)
     * @param file   where the c1z goes
     * @param flags  flags added to the sync's (e.g. {@code --no-fast-path}, rates)
     */
    static Outcome run(World world, UnaryOperator<SimulatorServer.Builder> server, Path file, List<String> flags) {
        Attempt attempt = attempt(world, server, file, flags, Map.of());
        assertEquals(0, attempt.exitCode(), file.getFileName() + ": " + attempt.err());
        try {
            C1zAssertions.assertValidC1z(file);
            return new Outcome(SyncedIds.read(file), attempt.err(), attempt.stats());
        } catch (Exception e) {
            throw new AssertionError(file.getFileName() + ": " + e, e);
        }
    }

    /** The same run with {@code environment} as the process environment, however it ends. */
    static Attempt attempt(
            World world,
            UnaryOperator<SimulatorServer.Builder> server,
            Path file,
            List<String> flags,
            Map<String, String> environment) {
        Clock clock = Clock.systemUTC();
        try (SimulatorExtension simulator =
                SimulatorExtension.of(world).clock(clock).server(server).start()) {
            ConnectionFacts facts = simulator.facts();
            List<String> args = new ArrayList<>(connectionFlags(facts));
            args.addAll(List.of("-f", file.toString()));
            args.addAll(flags);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(
                    new ConnectorWiring(AwsClientSettings.endpoint(simulator.endpoint(), clock), clock),
                    new ProcessContext(environment, file.toAbsolutePath().getParent()),
                    new PrintWriter(out),
                    new PrintWriter(err),
                    args.toArray(String[]::new));
            return new Attempt(code, err.toString(), simulator.stats());
        }
    }
}
