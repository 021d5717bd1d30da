package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.query.Access;
import dev.baton.aws.c1z.query.AccessQuery;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton-aws who-can --entitlement ID}: every principal holding an entitlement in a c1z, and how. */
@Command(
        name = "who-can",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show every principal holding an entitlement, with the path (read-only).",
            "",
            "Every principal that holds an entitlement in a c1z file, with the path: direct, or via the groups"
                    + " and other entitlements it holds on the way. The inverse of 'access'."
        })
final class WhoCanCommand implements Callable<Integer> {
    @Option(
            names = {"-e", "--entitlement"},
            required = true,
            paramLabel = "ID",
            description = "The entitlement id (see 'baton-aws show entitlements')")
    private String entitlement;

    @Mixin
    private QueryFileOptions file;

    @Mixin
    private TableOutputOption output;

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    WhoCanCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        QueryTable.Format format = output.format();
        try (SyncFile opened = file.open(context)) {
            SyncView view = file.view(opened);
            if (view.entitlement(entitlement).isEmpty()) {
                throw ConfigException.invalid(
                        "--entitlement",
                        "'" + entitlement + "' is not an entitlement of sync "
                                + view.run().syncId() + " (see 'baton-aws show entitlements')");
            }
            QueryNames names = new QueryNames(view);
            QueryTable.Builder table = QueryTable.builder("principal_type", "principal_id", "principal_name", "path");
            for (Access entry : new AccessQuery(view).holders(entitlement)) {
                table.add(
                        entry.principalId().getResourceType(),
                        entry.principalId().getResource(),
                        entry.principal().getDisplayName(),
                        names.paths(entry.paths()));
            }
            table.build().print(format, spec.commandLine().getOut());
        }
        return 0;
    }
}
