package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.query.SyncDiff;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncRunRow;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws diff}: what changed between the two latest finished full syncs of a c1z (as the baton CLI's
 * {@code diff} picks them), or between the latest of another file and the latest of this one.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Show what changed between two syncs (read-only).",
            "",
            "The resources, entitlements and grants added, removed or changed between the two"
                    + " latest finished full syncs of --file, or from the latest sync of --against OLD.c1z to the"
                    + " latest of --file. Summary counts first, then per resource type and per principal; grants"
                    + " are marked direct or expanded (derived from group membership and the like).",
            "",
            "Exit codes: 0 done (with --exit-code: no changes), 3 changes found (only with --exit-code),"
                    + " 2 bad input, 1 failure."
        })
final class DiffCommand implements Callable<Integer> {
    /** The exit code of {@code --exit-code} when the syncs differ. */
    static final int CHANGES_FOUND = 3;

    @Option(
            names = {"-f", "--file"},
            paramLabel = "PATH",
            defaultValue = "sync.c1z",
            showDefaultValue = Visibility.ALWAYS,
            description = "The c1z file whose latest sync is the newer side")
    private String file = "sync.c1z";

    @Option(
            names = "--against",
            paramLabel = "OLD.c1z",
            description = "Compare with the latest full sync of this file instead of the previous sync of --file")
    private String against;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, json or markdown (default: text)")
    private String output = "text";

    @Option(
            names = "--exit-code",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Exit 3 when anything changed, 0 when nothing did")
    private boolean exitCode;

    @Mixin
    private QueryCacheOptions cache;

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    DiffCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        String format = output.toLowerCase(Locale.ROOT);
        if (!List.of("text", "json", "markdown").contains(format)) {
            throw ConfigException.invalid("--output", "'" + output + "' is not a format; use text, json or markdown");
        }
        Path newer = QueryFileOptions.path(context, file, "--file");
        Path older = against == null ? null : QueryFileOptions.path(context, against, "--against");
        SyncDiff diff;
        try (SyncFile newFile = cache.open(newer)) {
            List<SyncRunRow> newRuns = newFile.finishedFullSyncs();
            if (newRuns.isEmpty()) {
                throw ConfigException.invalid("--file", newer + " holds no finished full sync");
            }
            if (older == null) {
                if (newRuns.size() < 2) {
                    throw ConfigException.invalid(
                            "--file",
                            newer + " holds one finished full sync; diff needs two"
                                    + " (sync into the same file again, or compare with --against OLD.c1z)");
                }
                diff = SyncDiff.between(newFile.view(newRuns.get(1)), newFile.view(newRuns.get(0)));
            } else {
                try (SyncFile oldFile = cache.open(older)) {
                    List<SyncRunRow> oldRuns = oldFile.finishedFullSyncs();
                    if (oldRuns.isEmpty()) {
                        throw ConfigException.invalid("--against", older + " holds no finished full sync");
                    }
                    diff = SyncDiff.between(oldFile.view(oldRuns.get(0)), newFile.view(newRuns.get(0)));
                }
            }
        }
        DiffReport report = new DiffReport(diff, String.valueOf(older == null ? file : against), file);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.println(report.json().toPrettyString());
            case "markdown" -> out.print(report.markdown());
            default -> out.print(report.text());
        }
        out.flush();
        return exitCode && !diff.isEmpty() ? CHANGES_FOUND : 0;
    }
}
