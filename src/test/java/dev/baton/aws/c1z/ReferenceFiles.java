package dev.baton.aws.c1z;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Locates the shared files beside the project: a system property first, then the path relative to the project
 * directory (worktrees live next to {@code shared/}), then the absolute location on the build machines.
 */
final class ReferenceFiles {
    private ReferenceFiles() {}

    static Path upstreamSample() {
        return locate("c1z.reference", "reference/upstream-sample-v1.c1z")
                .orElseThrow(() -> new IllegalStateException("upstream-sample-v1.c1z not found; set -Dc1z.reference"));
    }

    private static Optional<Path> locate(String property, String sharedPath) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        return Stream.of(Path.of("..", "shared").resolve(sharedPath), Path.of("..", "..", "shared").resolve(sharedPath),
                        Path.of("/work/shared").resolve(sharedPath))
                .filter(Files::isRegularFile)
                .map(Path::toAbsolutePath)
                .findFirst();
    }
}
