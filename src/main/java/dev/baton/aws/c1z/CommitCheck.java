package dev.baton.aws.c1z;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.sqlite.SQLiteConfig;

/**
 * The fast structural check a new file passes before it replaces the output: the database opens as SQLite and
 * records a finished sync run (full, or partial / resources-only for targeted syncs), and the written file decompresses to exactly that database. Unlike the full
 * {@link C1zValidator} it reads no row data, so it costs one decompression pass.
 */
final class CommitCheck {
    private static final int BUFFER = 1 << 16;

    private CommitCheck() {}

    static void requireFinishedSync(Path database, Path target) throws C1zException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection connection =
                        DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties());
                Statement statement = connection.createStatement();
                ResultSet row =
                        statement.executeQuery("select count(*) from v1_sync_runs" + " where ended_at is not null")) {
            if (!row.next() || row.getLong(1) == 0) {
                throw C1zException.of(target, "the new file records no finished sync run; not writing it");
            }
        } catch (SQLException e) {
            throw C1zException.of(target, "the new database does not open as SQLite; not writing it", e);
        }
    }

    /** The c1z at {@code written} has the magic and decompresses to the bytes of {@code database}. */
    static void requireDecodesTo(Path written, Path database, Path target) throws IOException, C1zException {
        try (InputStream file = new BufferedInputStream(Files.newInputStream(written), BUFFER);
                InputStream expected = new BufferedInputStream(Files.newInputStream(database), BUFFER)) {
            if (!Arrays.equals(file.readNBytes(C1zEnvelope.MAGIC.length), C1zEnvelope.MAGIC)) {
                throw C1zException.of(target, "the written file lacks the c1z header; not replacing the output");
            }
            try (ZstdInputStream decoded = new ZstdInputStream(file)) {
                byte[] actualBuffer = new byte[BUFFER];
                byte[] expectedBuffer = new byte[BUFFER];
                while (true) {
                    int read = decoded.readNBytes(actualBuffer, 0, BUFFER);
                    int wanted = expected.readNBytes(expectedBuffer, 0, BUFFER);
                    if (read != wanted || !Arrays.equals(actualBuffer, 0, read, expectedBuffer, 0, wanted)) {
                        throw C1zException.of(
                                target,
                                "the written file does not decompress to the sync's database; not replacing the output");
                    }
                    if (read < BUFFER) {
                        return;
                    }
                }
            }
        }
    }
}
