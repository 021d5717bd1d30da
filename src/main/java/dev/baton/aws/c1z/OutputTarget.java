package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a file can be written at a path, checked before a run starts rather than when it ends: the directory
 * exists and accepts a new file (tried for real, since permission bits do not tell a read-only file system or a
 * privileged user apart), and the path is not a directory.
 */
public final class OutputTarget {
    private OutputTarget() {}

    /** The problem in a few words (e.g. "directory /x does not exist"), or empty when the path is writable. */
    public static Optional<String> check(Path target) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return Optional.of("'" + target + "' is a directory; name a file such as sync.c1z");
        }
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            return Optional.of("directory '" + directory + "' does not exist");
        }
        Path probe = ScratchNames.tempOutput(absolute);
        try {
            Files.createFile(probe);
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            C1zEnvelope.deleteQuietly(probe);
            return Optional.of("directory '" + directory + "' is not writable ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
    }
}
