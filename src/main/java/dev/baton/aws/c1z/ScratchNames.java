package dev.baton.aws.c1z;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the scratch files a run creates, each carrying the id of the process that owns it, so the next run can
 * tell a leftover of a killed process from the files of one still running: working directories
 * {@code c1z-<pid>-<random>} (writing) and {@code c1z-read-<pid>-<random>} (reading) in the temp directory, and
 * {@code <file>.<pid>-<random>.tmp} beside the output.
 */
final class ScratchNames {
    private static final Pattern WORK_DIRECTORY = Pattern.compile("^c1z-(?:read-)?(\\d+)-.+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ScratchNames() {}

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static Path createWorkDirectory(Path output, Path tempDir) throws C1zException {
        return createDirectory(output, tempDir, "c1z-" + pid() + "-");
    }

    static Path createReadDirectory(Path file, Path tempDir) throws C1zException {
        return createDirectory(file, tempDir, "c1z-read-" + pid() + "-");
    }

    private static Path createDirectory(Path file, Path tempDir, String prefix) throws C1zException {
        try {
            Files.createDirectories(tempDir);
            return Files.createTempDirectory(tempDir, prefix);
        } catch (IOException e) {
            throw C1zException.of(file, "cannot create a working directory in " + tempDir, e);
        }
    }

    /** A fresh name beside {@code target}; the caller creates it with {@code CREATE_NEW}. */
    static Path tempOutput(Path target) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        return target.resolveSibling(
                target.getFileName() + "." + pid() + "-" + HexFormat.of().formatHex(random) + ".tmp");
    }

    /** The owner of a temp output of {@code target} named {@code name}; empty when the name is not one. */
    static OptionalLong tempOutputOwner(Path target, String name) {
        Matcher matcher = Pattern.compile(
                        "^" + Pattern.quote(target.getFileName().toString()) + "\\.(\\d+)-[0-9a-f]{8}\\.tmp$")
                .matcher(name);
        return matcher.matches() ? parse(matcher.group(1)) : OptionalLong.empty();
    }

    /** The owner of a working directory named {@code name}; empty when the name is not one. */
    static OptionalLong workDirectoryOwner(String name) {
        Matcher matcher = WORK_DIRECTORY.matcher(name);
        return matcher.matches() ? parse(matcher.group(1)) : OptionalLong.empty();
    }

    private static OptionalLong parse(String digits) {
        try {
            return OptionalLong.of(Long.parseLong(digits));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }
}
