package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.OneShotAction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton-aws delete-resource}: the friendly form of {@code -p --delete-resource … --delete-resource-type …}. */
@Command(
        name = "delete-resource",
        mixinStandardHelpOptions = true,
        description = "Delete an IAM or Identity Center user; deleting a missing user succeeds.")
final class DeleteResourceCommand implements Callable<Integer> {
    @Option(names = "--id", required = true, paramLabel = "ID", description = "Resource id (the user's ARN)")
    private String id;

    @Option(
            names = {"-t", "--type"},
            required = true,
            paramLabel = "TYPE",
            description = "iam_user or sso_user")
    private String type;

    @Mixin
    private WriteOptions options;

    @Spec
    private CommandSpec spec;

    private final Wiring wiring;
    private final ProcessContext context;

    DeleteResourceCommand(Wiring wiring, ProcessContext context) {
        this.wiring = requireNonNull(wiring, "wiring is null");
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        if (!WriteOptions.accountTargets().contains(type)) {
            throw ConfigException.invalid(
                    "--type",
                    "'" + type + "' cannot be deleted; valid: " + String.join(", ", WriteOptions.accountTargets()));
        }
        wiring.syncRunner()
                .run(
                        options.runConfig(context, "delete-resource", new OneShotAction.DeleteResource(id, type)),
                        spec.commandLine().getOut(),
                        spec.commandLine().getErr());
        return 0;
    }
}
