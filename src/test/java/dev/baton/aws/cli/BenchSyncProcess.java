package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.baton.aws.aws.AwsClientSettings;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmarked sync in a JVM of its own, so its peak RSS ({@code VmHWM}) belongs to that sync alone: the CLI
 * ({@link Main#run}) with the production wiring pointed at the simulator's endpoint, exactly as {@code demo} does.
 * Arguments: endpoint, result file, log file, then the CLI flags. The base secret key comes from the environment
 * ({@code BATON_GLOBAL_SECRET_ACCESS_KEY}), never the command line. Writes the measurements as properties.
 */
final class BenchSyncProcess {
    /** The end summary's counts, logged as text ({@code throttled 2, retries 2}) or as JSON. */
    private static final Pattern SUMMARY =
            Pattern.compile("\"?throttled\"?[: ]\\s*(\\d+),\\s*\"?retries\"?[: ]\\s*(\\d+)");

    private BenchSyncProcess() {}

    public static void main(String[] args) throws IOException {
        URI endpoint = URI.create(args[0]);
        Path resultFile = Path.of(args[1]);
        Path logFile = Path.of(args[2]);
        String[] cliArgs = Arrays.copyOfRange(args, 3, args.length);
        Clock clock = Clock.systemUTC();
        int exitCode;
        long started = System.nanoTime();
        try (PrintWriter log = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(logFile), UTF_8))) {
            exitCode = Main.run(
                    new ConnectorWiring(AwsClientSettings.endpoint(endpoint, clock), clock),
                    ProcessContext.fromSystem(),
                    log,
                    log,
                    cliArgs);
        }
        long wallNanos = System.nanoTime() - started;
        Properties result = new Properties();
        result.setProperty("exitCode", String.valueOf(exitCode));
        result.setProperty("wallNanos", String.valueOf(wallNanos));
        result.setProperty("vmHwmKiB", String.valueOf(vmHwmKiB()));
        result.setProperty("heapPeakBytes", String.valueOf(heapPeakBytes()));
        long[] summary = throttledAndRetries(Files.readString(logFile, UTF_8));
        result.setProperty("clientThrottled", String.valueOf(summary[0]));
        result.setProperty("clientRetries", String.valueOf(summary[1]));
        try (var out = Files.newBufferedWriter(resultFile, UTF_8)) {
            result.store(out, "one benchmarked sync");
        }
        System.exit(exitCode);
    }

    /** The process's peak resident set size in KiB, from {@code /proc/self/status}; -1 where there is no procfs. */
    static long vmHwmKiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), UTF_8)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * The sum of the heap pools' peak usage: an upper bound of the peak heap in use (pools peak at different
     * moments), garbage included, which is what the collector had to hold.
     */
    static long heapPeakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    /** Throttles and retries from the last summary in the log; -1 each when there is none (a failed sync). */
    private static long[] throttledAndRetries(String log) {
        Matcher matcher = SUMMARY.matcher(log);
        long[] last = {-1, -1};
        while (matcher.find()) {
            last = new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
        }
        return last;
    }
}
