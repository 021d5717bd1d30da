package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.c1z.OutputTarget;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.service.ScimHandler;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.WorldState;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws demo}: starts the embedded AWS simulator with a built-in sample organization and runs the full
 * sync against it exactly as against AWS (role ARN + external id, Organizations and Identity Center on, secrets
 * on), so anyone can see the tool work without an AWS account.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Sync a built-in sample AWS organization served by the embedded simulator into a c1z file.")
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "FILE",
            defaultValue = "sync.c1z",
            description = "Where to write the c1z (default: ${DEFAULT-VALUE})")
    private Path file;

    @Option(
            names = "--workers",
            paramLabel = "N",
            defaultValue = "8",
            description = "Parallel workers: 1-64, 0 one at a time, -1 automatic (8)")
    private int workers;

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;
    private final Wiring wiring;

    DemoCommand(ProcessContext context, Wiring wiring) {
        this.context = requireNonNull(context, "context is null");
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public Integer call() throws Exception {
        int threads = OutputOptions.workerCount(workers);
        Path output = context.workingDirectory().resolve(file);
        Optional<String> problem = OutputTarget.check(output); // before the simulator starts
        if (problem.isPresent()) {
            throw ConfigException.invalid("--file", problem.get());
        }
        Clock clock = Clock.systemUTC();
        WorldState state = new WorldState(DemoWorld.create(), clock);
        try (SimulatorServer server = SimulatorServer.builder(state)
                .jsonServices(JsonServices.create(state))
                .scimHandler(new ScimHandler(state))
                .build()
                .start()) {
            ConnectionFacts facts = server.connectionFacts().orElseThrow();
            LoggerFactory.getLogger(DemoCommand.class)
                    .atInfo()
                    .addKeyValue("endpoint", facts.endpoint())
                    .addKeyValue("role_arn", facts.roleArn())
                    .log("demo: simulated AWS started");
            new SyncCommandRunner(AwsClientSettings.endpoint(server.endpoint(), clock), clock, wiring.outputGuard())
                    .run(
                            SimulatorRunConfigs.fullSync(facts, state.world(), output, threads),
                            spec.commandLine().getErr());
        }
        return 0;
    }
}
