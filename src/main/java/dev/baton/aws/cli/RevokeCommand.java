package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.OneShotAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton-aws revoke}: the friendly form of {@code -p --revoke-grant …}. */
@Command(
        name = "revoke",
        mixinStandardHelpOptions = true,
        description = "Revoke a grant of the c1z (-f); revoking what is already gone succeeds.")
final class RevokeCommand implements Callable<Integer> {
    @Option(
            names = {"-g", "--grant"},
            required = true,
            paramLabel = "ID",
            description = "Grant id")
    private String grant;

    @Mixin
    private WriteOptions options;

    @Spec
    private CommandSpec spec;

    private final Wiring wiring;
    private final ProcessContext context;

    RevokeCommand(Wiring wiring, ProcessContext context) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        wiring.syncRunner()
                .run(
                        options.runConfig(context, "revoke", new OneShotAction.Revoke(grant)),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
        return 0;
    }
}
