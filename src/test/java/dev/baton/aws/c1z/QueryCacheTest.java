package dev.baton.aws.c1z;

import static dev.baton.aws.c1z.C1zFixtures.TYPES;
import static dev.baton.aws.c1z.C1zFixtures.account;
import static dev.baton.aws.c1z.C1zFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.c1z.query.SyncFile;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only questions reuse one decompressed copy per file version, and never a stale one. */
class QueryCacheTest {
    @TempDir
    Path dir;

    @Test
    void anUnchangedFileIsDecompressedOnceAndAReplacedOneAgain() throws Exception {
        Path c1z = dir.resolve("sync.c1z");
        write(c1z, user("alice", "1"));
        QueryCache cache = new QueryCache(dir.resolve("cache"));

        String first = userIds(SyncFile.open(c1z, cache));
        Object entryKey = Files.readAttributes(single(cache), java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        assertEquals("[alice]", first);
        assertEquals("[alice]", userIds(SyncFile.open(c1z, cache)));
        assertEquals(
                entryKey,
                Files.readAttributes(single(cache), java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey(),
                "the same copy is read again");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.directory())));

        write(c1z, user("bob", "1")); // a sync renames a new file over the old one
        assertEquals("[bob]", userIds(SyncFile.open(c1z, cache)), "a replaced file never reads the old copy");
        assertEquals(2, entries(cache).size());
    }

    @Test
    void theCopyIsReadOnlyAndOnlyTheMostRecentlyUsedAreKept() throws Exception {
        QueryCache cache = new QueryCache(dir.resolve("cache"));
        for (String name : List.of("a", "b", "c", "d")) {
            Path c1z = dir.resolve(name + ".c1z");
            write(c1z, user(name, "1"));
            try (SyncFile file = SyncFile.open(c1z, cache);
                    Statement statement = file.connection().createStatement()) {
                assertThrows(SQLException.class, () -> statement.execute("delete from v1_resources"));
            }
        }
        assertEquals(QueryCache.KEPT_ENTRIES, entries(cache).size());
        assertEquals("[d]", userIds(SyncFile.open(dir.resolve("d.c1z"), cache)));
    }

    @Test
    void aDirectoryOthersCanReadIsNotUsed() throws Exception {
        Path c1z = dir.resolve("sync.c1z");
        write(c1z, user("alice", "1"));
        Path shared = Files.createDirectory(
                dir.resolve("cache"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        QueryCache cache = new QueryCache(shared);

        assertEquals("[alice]", userIds(SyncFile.open(c1z, cache)));
        assertEquals(List.of(), entries(cache), "nothing is kept where others could read it");
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(
                    left.noneMatch(path -> path.getFileName().toString().startsWith("c1z-read-")),
                    "the private copy is deleted");
        }
    }

    @Test
    void theKeyFollowsTheFilesIdentity() throws Exception {
        Path a = write(dir.resolve("a.c1z"), user("alice", "1"));
        Path b = dir.resolve("b.c1z");
        Files.copy(a, b);
        assertNotEquals(QueryCache.key(a), QueryCache.key(b), "same bytes, another file");
        assertEquals(QueryCache.key(a), QueryCache.key(dir.resolve(".").resolve("a.c1z")), "same file, another path");
    }

    private static Path write(Path out, Resource person) throws Exception {
        try (C1zWriter writer = C1zWriter.create(
                out, C1zWriterOptions.defaults().withTempDir(out.getParent()), SyncHistory.replaceExisting())) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account("1"), person));
            writer.finish();
        }
        return out;
    }

    private static String userIds(SyncFile file) {
        try (file) {
            return file.view(file.defaultSync().orElseThrow()).resources("user").stream()
                    .map(r -> r.getId().getResource())
                    .toList()
                    .toString();
        }
    }

    private static Path single(QueryCache cache) throws Exception {
        List<Path> entries = entries(cache);
        assertEquals(1, entries.size(), entries.toString());
        return entries.get(0);
    }

    private static List<Path> entries(QueryCache cache) throws Exception {
        try (Stream<Path> files = Files.list(cache.directory())) {
            return files.filter(path -> path.getFileName().toString().endsWith(".db"))
                    .sorted()
                    .toList();
        }
    }
}
