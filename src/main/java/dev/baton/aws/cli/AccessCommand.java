package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.query.Access;
import dev.baton.aws.c1z.query.AccessQuery;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncView;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code baton-aws access --principal TYPE:ID}: every entitlement a principal reaches in a c1z, and how. */
@Command(
        name = "access",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show every entitlement a principal reaches, with the path (read-only).",
            "",
            "Every entitlement a principal reaches in a c1z file, with the path: direct, or via"
                    + " the groups and other entitlements it holds on the way (IAM groups, Identity Center groups,"
                    + " permission sets on accounts). Read-only.",
            "",
            "-o dot or -o mermaid draws principal -> groups -> entitlements -> resources."
        })
final class AccessCommand implements Callable<Integer> {
    @Option(
            names = {"-p", "--principal"},
            required = true,
            paramLabel = "TYPE:ID",
            description = "The principal, as resource type and id, e.g. iam_user:arn:aws:iam::123456789012:user/alice")
    private String principal;

    @Mixin
    private QueryFileOptions file;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, json, jsonl, csv, dot or mermaid (default: table)")
    private String output = "table";

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    AccessCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        ResourceId id = principalId(principal, "--principal");
        String format = output.toLowerCase(Locale.ROOT);
        QueryTable.Format tableFormat =
                format.equals("dot") || format.equals("mermaid") ? null : QueryTable.Format.parse(output, "--output");
        try (SyncFile opened = file.open(context)) {
            SyncView view = file.view(opened);
            AccessQuery query = new AccessQuery(view);
            if (view.resource(id.getResourceType(), id.getResource()).isEmpty()) {
                throw ConfigException.invalid(
                        "--principal",
                        "'" + principal + "' is not a resource of sync "
                                + view.run().syncId() + " (see 'baton-aws show resources -t " + id.getResourceType()
                                + "')");
            }
            List<Access> access = query.of(id);
            QueryNames names = new QueryNames(view);
            PrintWriter out = spec.commandLine().getOut();
            if (tableFormat == null) {
                AccessGraph graph = new AccessGraph(query.resource(id), access, names);
                out.print(format.equals("dot") ? graph.dot() : graph.mermaid());
                out.flush();
                return 0;
            }
            QueryTable.Builder table = QueryTable.builder(
                    "entitlement", "entitlement_name", "resource_type", "resource_id", "resource_name", "path");
            for (Access entry : access) {
                table.add(
                        entry.entitlement().getId(),
                        QueryNames.entitlementName(entry.entitlement()),
                        entry.resource().getId().getResourceType(),
                        entry.resource().getId().getResource(),
                        entry.resource().getDisplayName(),
                        names.paths(entry.paths()));
            }
            table.build().print(tableFormat, out);
        }
        return 0;
    }

    /** {@code TYPE:ID}, split at the first colon (resource type ids have none; ARNs do). */
    static ResourceId principalId(String value, String option) {
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw ConfigException.invalid(
                    option, "'" + value + "' is not TYPE:ID, e.g." + " iam_user:arn:aws:iam::123456789012:user/alice");
        }
        return ResourceId.newBuilder()
                .setResourceType(value.substring(0, colon))
                .setResource(value.substring(colon + 1))
                .build();
    }
}
