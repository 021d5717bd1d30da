package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decompressed, migrated copies of c1z files, kept between read-only questions about them. A c1z is one zstd
 * frame over a SQLite database many times its size (a sync of 200 accounts is 35 MB compressed and 1.3 GB as a
 * database), so decompressing it is most of the time any question takes; the second question about an unchanged
 * file reuses the copy.
 *
 * <p>An entry is named after the file's identity: its real path, size, modification time and file key. A file a
 * sync replaces (always by renaming a new file over it) therefore never matches an old entry. Entries are built
 * under a private name and renamed into place, opened read-only, and only the {@value #KEPT_ENTRIES} most recently
 * used stay. The directory is the user's own ({@code rwx------}); when it cannot be (another owner, no POSIX
 * permissions), nothing is cached and each question reads a private copy as before.
 */
public final class QueryCache {
    /** Entries kept: enough for {@code diff --against} (two files) and one more. */
    static final int KEPT_ENTRIES = 3;

    private static final Logger log = LoggerFactory.getLogger(QueryCache.class);
    private static final String ENTRY_SUFFIX = ".db";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private final Path directory;

    public QueryCache(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory is null").toAbsolutePath();
    }

    /** {@code <temp>/baton-aws-query-cache-<user>}. */
    public static Path defaultDirectory(Path tempDir) {
        String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
        return tempDir.resolve("baton-aws-query-cache-" + user);
    }

    public Path directory() {
        return directory;
    }

    /**
     * A read-only snapshot of {@code c1zFile}: the cached copy when one matches the file as it is now, else a new
     * copy made and kept for the next question. Falls back to a private copy when the directory is not usable.
     */
    public C1zSnapshot open(Path c1zFile) throws C1zException {
        if (!usableDirectory()) {
            return C1zSnapshot.open(c1zFile, directory.getParent() == null ? directory : directory.getParent());
        }
        String key = key(c1zFile);
        Path entry = directory.resolve(key + ENTRY_SUFFIX);
        if (Files.isRegularFile(entry)) {
            try {
                C1zSnapshot cached = C1zSnapshot.openCached(c1zFile, entry);
                touch(entry);
                log.debug("{}: reading the cached copy {}", c1zFile, entry);
                return cached;
            } catch (C1zException e) {
                log.debug("{}: the cached copy {} does not open; making a new one", c1zFile, entry, e);
                C1zEnvelope.deleteQuietly(entry);
            }
        }
        build(c1zFile, entry);
        evictAllBut(entry);
        return C1zSnapshot.openCached(c1zFile, entry);
    }

    /** Decompresses and migrates into a private directory, then renames the database into place. */
    private void build(Path c1zFile, Path entry) throws C1zException {
        sweepLeftovers();
        Path workDir = ScratchNames.createReadDirectory(c1zFile, directory);
        try {
            Path database = workDir.resolve("sync.db");
            C1zSnapshot.decompressAndMigrate(c1zFile, database);
            try {
                Files.move(database, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(database, entry, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw C1zException.of(c1zFile, "cannot keep a decompressed copy in " + directory, e);
        } finally {
            WorkingDatabase.deleteTree(workDir);
        }
    }

    /** The entry name: a hash of the file's real path, size, modification time and file key. */
    static String key(Path c1zFile) throws C1zException {
        try {
            Path real = c1zFile.toRealPath();
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            String identity = real + "\u0000" + attributes.size() + "\u0000"
                    + attributes.lastModifiedTime().toInstant() + "\u0000" + attributes.fileKey();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (IOException e) {
            throw C1zException.of(c1zFile, "cannot read the file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Creates the directory for this user only, or tells that it cannot be used (then nothing is cached). */
    private boolean usableDirectory() {
        try {
            if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectories(directory.getParent());
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            PosixFileAttributeView view =
                    Files.getFileAttributeView(directory, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
            if (view == null) {
                return false;
            }
            PosixFileAttributes attributes = view.readAttributes();
            String user = System.getProperty("user.name");
            boolean usable = attributes.owner().getName().equals(user)
                    && attributes.permissions().equals(PRIVATE);
            if (!usable) {
                log.debug(
                        "not caching in {}: owned by {} with {}",
                        directory,
                        attributes.owner().getName(),
                        PosixFilePermissions.toString(attributes.permissions()));
            }
            return usable;
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("not caching in {}", directory, e);
            return false;
        }
    }

    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException e) {
            log.debug("cannot touch {}", entry, e); // only the order of eviction suffers
        }
    }

    /** Keeps {@code current} and the most recently used entries up to {@value #KEPT_ENTRIES}. */
    private void evictAllBut(Path current) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + ENTRY_SUFFIX)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            log.debug("cannot list {}", directory, e);
            return;
        }
        entries.remove(current);
        entries.sort(Comparator.comparing(QueryCache::lastUsed).reversed());
        for (Path old : entries.subList(Math.min(entries.size(), KEPT_ENTRIES - 1), entries.size())) {
            C1zEnvelope.deleteQuietly(old); // a process still reading it keeps its open file
        }
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Working directories of copies whose process is gone (killed while decompressing). */
    private void sweepLeftovers() {
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "c1z-read-*")) {
            for (Path path : stream) {
                var owner = ScratchNames.workDirectoryOwner(path.getFileName().toString());
                if (owner.isPresent()
                        && owner.getAsLong() != ScratchNames.pid()
                        && !ScratchNames.alive(owner.getAsLong())) {
                    WorkingDatabase.deleteTree(path);
                }
            }
        } catch (IOException e) {
            log.debug("cannot list {}", directory, e);
        }
    }
}
