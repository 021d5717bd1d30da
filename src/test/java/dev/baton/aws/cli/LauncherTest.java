package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/baton-aws} on a one-class jar: it passes arguments through as given, and chooses the JIT by command.
 */
class LauncherTest {
    private static final Path LAUNCHER = Path.of("bin", "baton-aws").toAbsolutePath();

    @TempDir
    Path directory;

    private Path jar;

    /** The jar's main class: prints its arguments, and with {@code PROBE_JIT} set whether the JIT is C1 only. */
    public static final class Probe {
        public static void main(String[] args) {
            System.out.println("probe " + String.join(" ", args));
            if (System.getenv("PROBE_JIT") != null) {
                boolean c1Only = java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getInputArguments()
                        .contains("-XX:TieredStopAtLevel=1");
                System.out.println(c1Only ? "jit c1" : "jit tiered");
            }
            if (System.getenv("PROBE_HEAP") != null) {
                System.out.println("heap limit "
                        + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                                .filter(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxRAM"))
                                .toList());
            }
        }
    }

    private record Result(int exitCode, String out) {}

    @BeforeEach
    void buildJar() throws IOException {
        jar = directory.resolve("probe.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Probe.class.getName());
        String entry = Probe.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                var classFile = Probe.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classFile.transferTo(out);
            out.closeEntry();
        }
    }

    private Result launch(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("BATON_") || name.equals("JAVA_OPTS"));
        builder.environment()
                .put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        builder.environment().put("HOME", directory.toString());
        builder.environment().put("BATON_AWS_JAR", jar.toString());
        builder.environment().putAll(environment);
        Process process = builder.directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("out.txt").toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "launcher did not finish");
        return new Result(process.exitValue(), Files.readString(directory.resolve("out.txt"), UTF_8));
    }

    @Test
    void argumentsArePassedThroughAsGiven() throws Exception {
        assertEquals(
                new Result(0, "probe --role-arn arn with spaces\n"), launch(Map.of(), "--role-arn", "arn with spaces"));
    }

    @Test
    void aMissingJarIsAUsageErrorNamingIt() throws Exception {
        Result run =
                launch(Map.of("BATON_AWS_JAR", directory.resolve("missing.jar").toString()), "--help");

        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.out().contains("missing.jar not found"), run.out());
    }

    @Test
    void shortCommandsRunOnC1AloneAndSyncsKeepTheFullJit() throws Exception {
        Map<String, String> showJit = Map.of("PROBE_JIT", "1");

        assertEquals(new Result(0, "probe --help\njit c1\n"), launch(showJit, "--help"));
        assertEquals(new Result(0, "probe capabilities\njit c1\n"), launch(showJit, "capabilities"));
        assertEquals(new Result(0, "probe -f sync.c1z\njit tiered\n"), launch(showJit, "-f", "sync.c1z"));
    }

    @Test
    void theHeapIsLimitedUnlessJavaOptsLimitsIt() throws Exception {
        assertEquals(
                new Result(0, "probe -f sync.c1z\nheap limit [" + BenchSettings.LAUNCHER_HEAP + "]\n"),
                launch(Map.of("PROBE_HEAP", "1"), "-f", "sync.c1z"));
        assertEquals(
                new Result(0, "probe -f sync.c1z\nheap limit [-Xmx2g]\n"),
                launch(Map.of("PROBE_HEAP", "1", "JAVA_OPTS", "-Xmx2g"), "-f", "sync.c1z"));
        assertEquals(
                new Result(0, "probe -f sync.c1z\nheap limit [-XX:MaxRAMPercentage=50]\n"),
                launch(Map.of("PROBE_HEAP", "1", "JAVA_OPTS", "-XX:MaxRAMPercentage=50"), "-f", "sync.c1z"));
    }
}
