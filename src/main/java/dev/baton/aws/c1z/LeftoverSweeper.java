package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what killed runs left behind: temp outputs beside the target and working directories in the temp
 * directory whose owner process ({@link ScratchNames}) is no longer running. Runs while the output lock is held,
 * so no live writer of this target can own a temp output being removed; files of live processes stay.
 */
final class LeftoverSweeper {
    private static final Logger log = LoggerFactory.getLogger(LeftoverSweeper.class);

    private LeftoverSweeper() {}

    /** @return what was removed */
    static List<Path> sweep(Path target, Path tempDir) {
        List<Path> removed = new ArrayList<>();
        Path directory = target.toAbsolutePath().getParent();
        for (Path path : list(directory, target.getFileName() + ".*.tmp")) {
            if (deadOwner(
                    ScratchNames.tempOutputOwner(target, path.getFileName().toString()))) {
                C1zEnvelope.deleteQuietly(path);
                removed.add(path);
            }
        }
        for (Path path : list(tempDir, "c1z-*")) {
            if (Files.isDirectory(path)
                    && deadOwner(
                            ScratchNames.workDirectoryOwner(path.getFileName().toString()))) {
                WorkingDatabase.deleteTree(path);
                removed.add(path);
            }
        }
        if (!removed.isEmpty()) {
            log.info("removed {} leftover(s) of runs that were stopped: {}", removed.size(), removed);
        }
        return removed;
    }

    private static boolean deadOwner(OptionalLong pid) {
        return pid.isPresent() && pid.getAsLong() != ScratchNames.pid() && !ScratchNames.alive(pid.getAsLong());
    }

    private static List<Path> list(Path directory, String glob) {
        List<Path> paths = new ArrayList<>();
        if (directory == null || !Files.isDirectory(directory)) {
            return paths;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(paths::add);
        } catch (IOException e) {
            log.debug("cannot list {}", directory, e);
        }
        return paths;
    }
}
