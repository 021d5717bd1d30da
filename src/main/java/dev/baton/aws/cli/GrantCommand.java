package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.OneShotAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton-aws grant}: the friendly form of {@code -p --grant-entitlement … --grant-principal …}. */
@Command(
        name = "grant",
        mixinStandardHelpOptions = true,
        description = "Grant an entitlement of the c1z (-f) to a principal of the c1z; idempotent.")
final class GrantCommand implements Callable<Integer> {
    @Option(
            names = {"-e", "--entitlement"},
            required = true,
            paramLabel = "ID",
            description = "Entitlement id")
    private String entitlement;

    @Option(names = "--principal", required = true, paramLabel = "ID", description = "Principal resource id")
    private String principal;

    @Option(
            names = "--principal-type",
            required = true,
            paramLabel = "TYPE",
            description = "Principal resource type id, e.g. iam_user or sso_group")
    private String principalType;

    @Mixin
    private WriteOptions options;

    @Spec
    private CommandSpec spec;

    private final Wiring wiring;
    private final ProcessContext context;

    GrantCommand(Wiring wiring, ProcessContext context) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        OneShotAction action = new OneShotAction.Grant(entitlement, principal, principalType);
        wiring.syncRunner()
                .run(
                        options.runConfig(context, "grant", action),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
        return 0;
    }
}
