package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --help}, {@code --version} and a usage error, run in a JVM of their own, load none of the libraries a
 * sync needs: start-up time is mostly class loading, and these runs should pay only for picocli and the CLI.
 */
class StartupFootprintTest {
    private static final List<String> SYNC_LIBRARIES = List.of(
            "ch.qos.logback.",
            "org.slf4j.",
            "com.fasterxml.jackson.",
            "software.amazon.awssdk.",
            "com.google.protobuf.",
            "org.sqlite.",
            "com.github.luben.zstd.",
            "dev.baton.aws.connector.",
            "dev.baton.aws.sync.",
            "dev.baton.aws.c1z.",
            "dev.baton.aws.simulator.");

    @TempDir
    Path directory;

    /** The child JVM: the three informational runs through the production entry point; exits 0 if all behaved. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new StringWriter());
        int help = Main.run(out, out, "--help");
        int version = Main.run(out, out, "--version");
        int usageError = Main.run(out, out, "--no-such-flag");
        System.out.println("exit codes " + help + " " + version + " " + usageError);
        System.exit(help == 0 && version == 0 && usageError == 2 ? 0 : 1);
    }

    @Test
    void informationalRunsLoadNoLibraryOfTheSync() throws Exception {
        Path log = directory.resolve("classes.log");
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xlog:class+load=info:file=" + log,
                        "-cp",
                        System.getProperty("java.class.path"),
                        StartupFootprintTest.class.getName())
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("output.txt").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("BATON_"));
        Process child = builder.start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");

        String output = Files.readString(directory.resolve("output.txt"), UTF_8);
        assertEquals(0, child.exitValue(), output);
        List<String> loaded = Files.readAllLines(log, UTF_8);
        assertTrue(loaded.stream().anyMatch(line -> line.contains(" picocli.CommandLine ")), "no class log?");
        for (String line : loaded) {
            for (String library : SYNC_LIBRARIES) {
                assertTrue(!line.contains("] " + library), "loaded by --help/--version/usage error: " + line);
            }
        }
    }
}
