package dev.baton.aws.testing;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the benchmarks report about their own JVM process. */
public final class ProcessStats {
    private ProcessStats() {}

    /** CPU time of every thread of this JVM (zstd workers, JIT and GC included). */
    public static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** VmHWM on Linux ("unknown" elsewhere): heap, SQLite's page cache and zstd buffers together. */
    public static String peakRss() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .map(line -> (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10) + " MiB")
                    .findFirst()
                    .orElse("unknown");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
