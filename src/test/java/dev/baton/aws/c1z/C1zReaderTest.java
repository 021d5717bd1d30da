package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.Zstd;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class C1zReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheUpstreamReferenceFile() throws Exception {
        try (C1zReader reader = C1zReader.open(ReferenceFiles.upstreamSample(), dir)) {
            SyncRun sync = reader.currentSync().orElseThrow();
            assertEquals("3ARefY5G8eOytquwYgm41Nq07IZ", sync.syncId());
            assertEquals("full", sync.type());
            assertEquals(LocalDateTime.parse("2026-03-03T09:45:13.056791"), sync.startedAt());
            assertFalse(sync.finished(), "the sample is an unfinished sync");

            assertEquals(
                    Set.of("user", "group", "role", "project", "scoped_role"),
                    reader.resourceTypes().stream().map(ResourceType::getId).collect(Collectors.toSet()));
            assertEquals(
                    List.of(ResourceType.Trait.TRAIT_USER),
                    reader.resourceType("user").orElseThrow().getTraitsList());

            Resource user =
                    reader.resource(C1zFixtures.id("user", "user-0000000")).orElseThrow();
            assertEquals("User 0000000", user.getDisplayName());
            assertTrue(user.getAnnotations(0).is(UserTrait.class));
            assertEquals(10, reader.resources("user").size());
            assertEquals(79, reader.counts().resources());
            assertEquals(31L, reader.counts().resourcesByType().get("group"));
            assertTrue(reader.entitlementIds().isEmpty());
        }
        try (var leftovers = Files.list(dir)) {
            assertEquals(0, leftovers.count(), "closing the reader deletes its temporary copy");
        }
    }

    @Test
    void missingFileIsAClearError() {
        Path missing = dir.resolve("nope.c1z");
        C1zException error = assertThrows(C1zException.class, () -> C1zReader.open(missing, dir));
        assertEquals(missing + ": file does not exist", error.getMessage());
    }

    @Test
    void emptyFileIsAClearError() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.c1z"));
        C1zException error = assertThrows(C1zException.class, () -> C1zReader.open(empty, dir));
        assertEquals(empty + ": file is empty, not a c1z file", error.getMessage());
    }

    @Test
    void randomBytesAreNotAC1z() throws Exception {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);
        Path random = Files.write(dir.resolve("random.c1z"), bytes);
        C1zException error = assertThrows(C1zException.class, () -> C1zReader.open(random, dir));
        assertTrue(error.getMessage().startsWith(random + ": not a c1z file"), error.getMessage());
    }

    @Test
    void magicFollowedByGarbageIsBadZstd() throws Exception {
        Path garbage = Files.write(
                dir.resolve("garbage.c1z"), withMagic("this is not zstd at all".getBytes(StandardCharsets.UTF_8)));
        C1zException error = assertThrows(C1zException.class, () -> C1zReader.open(garbage, dir));
        assertTrue(
                error.getMessage().startsWith(garbage + ": the body after the C1ZF header is not valid zstd data"),
                error.getMessage());
    }

    @Test
    void zstdOfSomethingElseIsNotSqlite() throws Exception {
        byte[] body = Zstd.compress("plain text, not a database".getBytes(StandardCharsets.UTF_8));
        Path notSqlite = Files.write(dir.resolve("text.c1z"), withMagic(body));
        C1zException error = assertThrows(C1zException.class, () -> C1zReader.open(notSqlite, dir));
        assertEquals(notSqlite + ": the decompressed body is not a SQLite database", error.getMessage());
    }

    @Test
    void v3FilesAreNamedAsUnsupported() throws Exception {
        Path v3 = Files.write(dir.resolve("v3.c1z"), new byte[] {'C', '1', 'Z', '3', 0, 0, 0, 0, 1});
        C1zException error = assertThrows(C1zException.class, () -> C1zReader.open(v3, dir));
        assertTrue(error.getMessage().contains("c1z v3"), error.getMessage());
    }

    @Test
    void failedOpensLeaveNoTemporaryFiles() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.c1z"), withMagic(new byte[] {1, 2, 3}));
        Path temp = Files.createDirectory(dir.resolve("tmp"));
        assertThrows(C1zException.class, () -> C1zReader.open(garbage, temp));
        try (var leftovers = Files.list(temp)) {
            assertEquals(0, leftovers.count());
        }
    }

    @Test
    void theOriginalFileIsNotModifiedByOpening() throws Exception {
        Path copy = Files.copy(ReferenceFiles.upstreamSample(), dir.resolve("copy.c1z"));
        byte[] before = Files.readAllBytes(copy);
        try (C1zReader reader = C1zReader.open(copy, dir)) {
            assertFalse(reader.resourceTypes().isEmpty());
        }
        assertArrayEquals(before, Files.readAllBytes(copy));
    }

    private static byte[] withMagic(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(C1zEnvelope.MAGIC);
        out.writeBytes(body);
        return out.toByteArray();
    }
}
