package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RunConfig;
import dev.baton.aws.connector.AwsConnector;
import dev.baton.aws.proto.c1.connector.v2.Capability;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;

/**
 * The production composition root: real AWS clients (or the simulator's endpoint, for {@code demo}), the AWS
 * connector, the sync engine and the provisioning service.
 */
final class ConnectorWiring implements Wiring, SyncRunner {
    private final AwsClientSettings settings;
    private final Clock clock;
    private final OutputGuard outputGuard;

    ConnectorWiring(AwsClientSettings settings, Clock clock) {
        this(settings, clock, OutputGuard.unguarded());
    }

    ConnectorWiring(AwsClientSettings settings, Clock clock, OutputGuard outputGuard) {
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.outputGuard = requireNonNull(outputGuard, "outputGuard is null");
    }

    static ConnectorWiring production() {
        return production(OutputGuard.unguarded());
    }

    static ConnectorWiring production(OutputGuard outputGuard) {
        Clock clock = Clock.systemUTC();
        return new ConnectorWiring(AwsClientSettings.production(clock), clock, outputGuard);
    }

    @Override
    public OutputGuard outputGuard() {
        return outputGuard;
    }

    @Override
    public SyncRunner syncRunner() {
        return this;
    }

    @Override
    public void run(RunConfig config, PrintWriter out, PrintWriter err) throws Exception {
        if (config.provisioning().syncs()) {
            new SyncCommandRunner(settings, clock, outputGuard).run(config, err);
        } else {
            new ProvisioningCommandRunner(settings).run(config, out, err);
        }
    }

    /**
     * Derived from the provisioners registered with every type on (organizations and Identity Center); building
     * them touches no client, so the clients they are given are never used.
     */
    @Override
    public Function<String, Set<Capability>> writeCapabilities() {
        OrganizationConfig everything =
                new OrganizationConfig(true, true, true, "us-east-1", "OrganizationAccountAccessRole");
        return WriteCapabilities.of(AwsConnector.provisioners(new UnconnectedAwsClients(), everything, "iam_user"));
    }
}
