package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.query.GrantFilter;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncView;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws export}: one sync's resources, entitlements and grants as three CSV or JSON Lines files, for
 * spreadsheets and data warehouses. The columns are those of {@code show}.
 */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Write a sync's resources, entitlements and grants as CSV or JSON Lines (read-only).",
            "",
            "Writes them into --out DIR as resources.csv, entitlements.csv and grants.csv (or .jsonl with"
                    + " --format jsonl), with the columns of 'show'."
        })
final class ExportCommand implements Callable<Integer> {
    @Mixin
    private QueryFileOptions file;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "export",
            showDefaultValue = Visibility.ALWAYS,
            description = "The directory to write into (created if missing; existing files are replaced)")
    private String out = "export";

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "csv",
            showDefaultValue = Visibility.ALWAYS,
            description = "csv or jsonl")
    private String format = "csv";

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    ExportCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        String extension = format.toLowerCase(Locale.ROOT);
        if (!extension.equals("csv") && !extension.equals("jsonl")) {
            throw ConfigException.invalid("--format", "'" + format + "' is not a format; use csv or jsonl");
        }
        QueryTable.Format tableFormat = QueryTable.Format.parse(extension, "--format");
        Path directory = context.workingDirectory().resolve(out);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw ConfigException.invalid("--out", "cannot create directory '" + out + "' (" + e.getMessage() + ")");
        }
        try (SyncFile opened = file.open(context)) {
            SyncView view = file.view(opened);
            write(directory.resolve("resources." + extension), resources(view), tableFormat);
            write(directory.resolve("entitlements." + extension), entitlements(view), tableFormat);
            try (PrintWriter writer = new PrintWriter(
                    Files.newBufferedWriter(directory.resolve("grants." + extension), StandardCharsets.UTF_8))) {
                ShowCommand.printGrants(view, GrantFilter.all(), tableFormat, writer);
            }
            spec.commandLine()
                    .getErr()
                    .println("wrote resources, entitlements and grants of sync "
                            + view.run().syncId() + " to " + directory);
        }
        return 0;
    }

    private static void write(Path path, QueryTable table, QueryTable.Format format) throws IOException {
        try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8))) {
            table.print(format, writer);
        }
    }

    private static QueryTable resources(SyncView view) {
        QueryTable.Builder table = QueryTable.builder(
                "resource_type",
                "resource_id",
                "display_name",
                "parent_resource_type",
                "parent_resource_id",
                "description");
        for (Resource r : view.resources(null)) {
            table.add(
                    r.getId().getResourceType(),
                    r.getId().getResource(),
                    r.getDisplayName(),
                    r.getParentResourceId().getResourceType(),
                    r.getParentResourceId().getResource(),
                    r.getDescription());
        }
        return table.build();
    }

    private static QueryTable entitlements(SyncView view) {
        QueryTable.Builder table = QueryTable.builder(
                "id", "display_name", "slug", "resource_type", "resource_id", "resource_name", "description");
        for (Entitlement e : view.entitlements(null, null)) {
            table.add(
                    e.getId(),
                    e.getDisplayName(),
                    e.getSlug(),
                    e.getResource().getId().getResourceType(),
                    e.getResource().getId().getResource(),
                    e.getResource().getDisplayName(),
                    e.getDescription());
        }
        return table.build();
    }
}
