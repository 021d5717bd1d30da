package dev.baton.aws.cli;

import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.QueryCache;
import dev.baton.aws.c1z.query.SyncFile;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Whether a read-only command reads its c1z through the {@link QueryCache} (the default) or a private copy. */
@Command(addMethodSubcommands = false)
final class QueryCacheOptions {
    @Option(
            names = "--query-cache",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Keep the decompressed file in <temp>/baton-aws-query-cache-<user> for the next question"
                    + " about it (default; a changed file is decompressed again, the 3 most recently used copies"
                    + " are kept); --no-query-cache reads a private copy and deletes it")
    private boolean queryCache = true;

    /** Opens a c1z for questions, through the query cache unless it is switched off. */
    SyncFile open(Path path) throws C1zException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        return queryCache
                ? SyncFile.open(path, new QueryCache(QueryCache.defaultDirectory(temp)))
                : SyncFile.open(path, temp);
    }
}
