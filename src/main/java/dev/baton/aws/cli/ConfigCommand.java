package dev.baton.aws.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code baton-aws config}: prints the connector's configuration schema as JSON. */
@Command(
        name = "config",
        mixinStandardHelpOptions = true,
        description = "Print the connector configuration schema as JSON")
final class ConfigCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(new ConfigSchema(spec.root()).json());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
