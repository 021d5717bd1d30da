package dev.baton.aws.c1z;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The v1 envelope: the 5-byte magic {@code "C1ZF\0"} followed by one zstd stream of a complete SQLite file.
 * Both directions stream, so a multi-GB database never sits in memory.
 */
final class C1zEnvelope {
    static final byte[] MAGIC = {'C', '1', 'Z', 'F', 0};
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] V3_MAGIC = {'C', '1', 'Z', '3', 0};
    private static final int BUFFER = 1 << 16;
    /** Large reads keep the per-call JNI cost of the compressor negligible. */
    private static final int COPY_BUFFER = 1 << 20;

    private static final int MAX_WORKERS = 4;

    private C1zEnvelope() {}

    /**
     * Writes the magic and one zstd frame of {@code database} to {@code file}; closing the frame does not close
     * {@code file}. The default window of levels 1-19 is at most 8 MiB, well inside the SDK decoder's 128 MiB cap.
     */
    static void compress(Path database, OutputStream file, int zstdLevel) throws IOException {
        file.write(MAGIC);
        try (ZstdOutputStream zstd = new ZstdOutputStream(file, zstdLevel)) {
            zstd.setChecksum(true);
            zstd.setWorkers(compressionWorkers());
            copy(database, zstd);
        }
    }

    /** A stream that flushes but stays open on close, so the channel beneath can be fsynced afterwards. */
    static OutputStream keepOpen(OutputStream out) {
        return new KeepOpen(out);
    }

    /**
     * With workers, zstd compresses in native threads while this one reads the file, and the output is still one
     * ordinary frame. A single-core machine gains nothing from them.
     */
    private static int compressionWorkers() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores < 2 ? 0 : Math.min(cores, MAX_WORKERS);
    }

    private static void copy(Path database, OutputStream zstd) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER];
        try (InputStream in = Files.newInputStream(database)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                zstd.write(buffer, 0, read);
            }
        }
    }

    /** Checks the magic and decompresses the body into {@code database}, verifying it is a SQLite file. */
    static void read(Path c1z, Path database) throws C1zException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(c1z), BUFFER)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            checkMagic(c1z, magic);
            decompress(c1z, in, database);
        } catch (NoSuchFileException e) {
            throw C1zException.of(c1z, "file does not exist");
        } catch (IOException e) {
            throw C1zException.of(c1z, "cannot read the file", e);
        }
        checkSqliteHeader(c1z, database);
    }

    private static void checkMagic(Path c1z, byte[] magic) throws C1zException {
        if (magic.length == 0) {
            throw C1zException.of(c1z, "file is empty, not a c1z file");
        }
        if (Arrays.equals(magic, V3_MAGIC)) {
            throw C1zException.of(c1z, "is a c1z v3 (Pebble) file; only the v1 (SQLite) format is supported");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw C1zException.of(c1z, "not a c1z file (the first 5 bytes are not \"C1ZF\\0\")");
        }
    }

    private static void decompress(Path c1z, InputStream in, Path database) throws C1zException {
        try (ZstdInputStream zstd = new ZstdInputStream(in)) {
            Files.copy(zstd, database, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw C1zException.of(c1z, "the body after the C1ZF header is not valid zstd data", e);
        }
    }

    private static void checkSqliteHeader(Path c1z, Path database) throws C1zException {
        try (InputStream in = Files.newInputStream(database)) {
            byte[] header = in.readNBytes(SQLITE_HEADER.length);
            if (!Arrays.equals(header, SQLITE_HEADER)) {
                throw C1zException.of(c1z, "the decompressed body is not a SQLite database");
            }
        } catch (IOException e) {
            throw C1zException.of(c1z, "cannot read the decompressed database", e);
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // best effort: a leftover names its owner's pid, and the next run removes it
        }
    }

    /** Lets the zstd stream end its frame on close without closing the channel, which must be fsynced first. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
