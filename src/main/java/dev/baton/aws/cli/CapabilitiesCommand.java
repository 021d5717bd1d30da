package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code baton-aws capabilities}: prints what the connector can sync and change, as ConductorOne reads it. */
@Command(
        name = "capabilities",
        mixinStandardHelpOptions = true,
        description = "Print the connector capabilities as JSON (google.protobuf.Any of ConnectorCapabilities)")
final class CapabilitiesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private final Wiring wiring;

    CapabilitiesCommand(Wiring wiring) {
        this.wiring = requireNonNull(wiring, "wiring is null");
    }

    @Override
    public Integer call() throws Exception {
        CapabilitiesReport report = new CapabilitiesReport(ResourceTypes.ALL, wiring.writeCapabilities());
        spec.commandLine().getOut().print(report.json());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
