package dev.baton.aws.cli;

import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.c1z.query.SyncRunRow;
import dev.baton.aws.c1z.query.SyncView;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The c1z file a read-only command asks about, and which of its syncs. */
@Command(addMethodSubcommands = false)
final class QueryFileOptions {
    @Option(
            names = {"-f", "--file"},
            paramLabel = "PATH",
            defaultValue = "sync.c1z",
            showDefaultValue = Visibility.ALWAYS,
            description = "The c1z file to read")
    private String file = "sync.c1z";

    @Option(
            names = "--sync-id",
            paramLabel = "ID",
            description = "The sync to read (see 'show syncs'); default: the latest finished full sync")
    private String syncId;

    @Mixin
    private QueryCacheOptions cache;

    /** Opens the file; a missing file or an unknown sync id is a usage error naming the option. */
    SyncFile open(ProcessContext context) throws C1zException {
        return cache.open(path(context, file, "--file"));
    }

    static Path path(ProcessContext context, String value, String option) {
        if (value == null || value.isBlank()) {
            throw ConfigException.invalid(option, "must name a c1z file, e.g. sync.c1z");
        }
        Path path = context.workingDirectory().resolve(value);
        if (!Files.isRegularFile(path)) {
            throw ConfigException.invalid(option, "file '" + value + "' does not exist");
        }
        return path;
    }

    SyncView view(SyncFile opened) {
        if (syncId != null) {
            SyncRunRow run = opened.syncRun(syncId)
                    .orElseThrow(() -> ConfigException.invalid(
                            "--sync-id",
                            "'" + syncId + "' is not a sync of " + opened.file() + " (see 'baton-aws show syncs')"));
            return opened.view(run);
        }
        SyncRunRow run = opened.defaultSync()
                .orElseThrow(() -> new IllegalStateException(opened.file() + ": the file holds no sync"));
        return opened.view(run);
    }
}
