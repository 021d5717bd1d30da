package dev.baton.aws.c1z;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a resumable sync keeps its checkpoint (docs/resumable-syncs.md).
 *
 * @param directory where the working database lives between runs ({@link #directoryFor})
 * @param settings  what shapes the rows, by the flag that sets it; a checkpoint started with other values is
 *                  refused. Values are compared, never printed: secrets go in hashed ({@link #hashed}).
 * @param fresh     {@code --fresh}: discard a checkpoint instead of continuing it
 */
public record ResumeSpec(Path directory, Map<String, String> settings, boolean fresh) {
    public ResumeSpec {
        requireNonNull(directory, "directory is null");
        settings = Map.copyOf(new TreeMap<>(requireNonNull(settings, "settings is null")));
    }

    /**
     * The checkpoint directory of {@code target} inside {@code parent}: {@code .<file name>.<hash>.resume}, the hash
     * of the target's absolute path telling apart outputs of the same name that share a temp directory.
     */
    public static Path directoryFor(Path target, Path parent) {
        Path absolute = target.toAbsolutePath().normalize();
        String hash = sha256(absolute.toString()).substring(0, 12);
        return parent.resolve("." + absolute.getFileName() + "." + hash + ".resume");
    }

    /** A setting that must match but must not be kept readable (an external id): a prefix of its SHA-256. */
    public static String hashed(String value) {
        return value == null || value.isEmpty() ? "" : "sha256:" + sha256(value).substring(0, 16);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
