package dev.baton.aws.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/** Renders {@link BenchRun}s: a block per run, a compact table at the end, and the JSON results file. */
final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchSettings settings;

    BenchReport(BenchSettings settings) {
        this.settings = settings;
    }

    String header() {
        return String.format(
                Locale.ROOT,
                "sync benchmark: simulator latency %d ms (jitter %d ms), rates %s rps"
                        + " (iam per account); forked sync JVM %s%n",
                settings.latencyMs(),
                settings.jitterMs(),
                settings.rates(),
                settings.jvmArgs());
    }

    String block(BenchRun run) {
        BenchRun.Bound bound = run.bound(settings);
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "== world %s, mode %s: exit %d, wall %.2f s (JVM %.2f s)%n",
                run.world(),
                run.mode(),
                run.exitCode(),
                run.wallSeconds(),
                run.jvmSeconds()));
        out.append(String.format(Locale.ROOT, "   API calls %d by service %s%n", run.calls(), run.callsByService()));
        out.append(String.format(
                Locale.ROOT,
                "   throttled: %d at the simulator, %d seen by the client; retries %d%n",
                run.serverThrottled(),
                run.clientThrottled(),
                run.clientRetries()));
        out.append(String.format(
                Locale.ROOT,
                "   rate-limit bound %.2f s (%s: %d calls at %.0f rps); wall/bound" + " %.2f%n",
                bound.seconds(),
                bound.scope(),
                bound.calls(),
                bound.rate(),
                run.wallOverBound(settings)));
        SortedMap<String, Long> iam = run.iamCallsByAccount();
        if (!iam.isEmpty()) {
            LongSummary perAccount = LongSummary.of(iam.values());
            out.append(String.format(
                    Locale.ROOT,
                    "   IAM calls per account: %d accounts, min %d, median %d, max %d;"
                            + " without iam:ListAccessKeys (one per user with keys, --sync-secrets only): %.2f%n",
                    iam.size(),
                    perAccount.min,
                    perAccount.median,
                    perAccount.max,
                    run.iamCallsPerAccountWithoutKeys()));
        }
        out.append(String.format(
                Locale.ROOT,
                "   peak RSS %.1f MiB (VmHWM of the sync's own JVM), heap peak %.1f MiB"
                        + " (sum of heap pool peaks)%n",
                run.vmHwmKiB() / 1024.0,
                run.heapPeakBytes() / 1048576.0));
        out.append(String.format(
                Locale.ROOT,
                "   c1z %d bytes; rows: %d resource types, %d resources, %d" + " entitlements, %d grants%n",
                run.c1zBytes(),
                run.counts().resourceTypes(),
                run.counts().resources(),
                run.counts().entitlements(),
                run.counts().grants()));
        out.append("   resources by type ")
                .append(run.counts().resourcesByType())
                .append('\n');
        out.append("   calls by operation:\n");
        run.callsByOperation().forEach((operation, count) -> {
            long throttled = run.throttledByOperation().getOrDefault(operation, 0L);
            out.append(String.format(
                    Locale.ROOT,
                    "     %-48s %8d%s%n",
                    operation,
                    count,
                    throttled == 0 ? "" : "  (throttled " + throttled + ")"));
        });
        return out.toString();
    }

    String table(List<BenchRun> runs) {
        StringBuilder out = new StringBuilder();
        String format = "%-5s %-9s %9s %8s %9s %8s %7s %-26s %9s %8s %10s %8s %9s%n";
        out.append(String.format(
                Locale.ROOT,
                format,
                "world",
                "mode",
                "wall s",
                "calls",
                "throttled",
                "retries",
                "bound s",
                "binding scope",
                "wall/bound",
                "RSS MiB",
                "c1z bytes",
                "rsrcs",
                "grants"));
        for (BenchRun run : runs) {
            BenchRun.Bound bound = run.bound(settings);
            out.append(String.format(
                    Locale.ROOT,
                    format,
                    run.world(),
                    run.mode(),
                    fixed(run.wallSeconds()),
                    run.calls(),
                    run.serverThrottled(),
                    run.clientRetries(),
                    fixed(bound.seconds()),
                    bound.scope(),
                    fixed(run.wallOverBound(settings)),
                    fixed(run.vmHwmKiB() / 1024.0),
                    run.c1zBytes(),
                    run.counts().resources(),
                    run.counts().grants()));
        }
        return out.toString();
    }

    /** Writes {@code results.txt} (the printed report) and {@code results.json} (every number) to the output. */
    void write(String text, List<BenchRun> runs) throws IOException {
        Files.createDirectories(settings.output());
        Files.writeString(settings.output().resolve("results.txt"), text, StandardCharsets.UTF_8);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchRun run : runs) {
            rows.add(json(run));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("latencyMs", settings.latencyMs());
        document.put("jitterMs", settings.jitterMs());
        document.put("rates", settings.rates());
        document.put("jvmArgs", settings.jvmArgs());
        document.put("runs", rows);
        JSON.writeValue(settings.output().resolve("results.json").toFile(), document);
    }

    private Map<String, Object> json(BenchRun run) {
        BenchRun.Bound bound = run.bound(settings);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("world", run.world());
        row.put("spec", BenchSettings.spec(run.world()));
        row.put("mode", run.mode());
        row.put("exitCode", run.exitCode());
        row.put("wallSeconds", run.wallSeconds());
        row.put("jvmSeconds", run.jvmSeconds());
        row.put("calls", run.calls());
        row.put("callsByService", run.callsByService());
        row.put("callsByOperation", run.callsByOperation());
        row.put("throttledByOperation", run.throttledByOperation());
        row.put("clientThrottled", run.clientThrottled());
        row.put("clientRetries", run.clientRetries());
        row.put("admittedByScope", run.admittedByScope());
        row.put("iamCallsPerAccountWithoutListAccessKeys", run.iamCallsPerAccountWithoutKeys());
        row.put("boundSeconds", bound.seconds());
        row.put("boundScope", bound.scope());
        row.put("wallOverBound", run.wallOverBound(settings));
        row.put("peakRssKiB", run.vmHwmKiB());
        row.put("heapPeakBytes", run.heapPeakBytes());
        row.put("c1zBytes", run.c1zBytes());
        row.put("resourceTypes", run.counts().resourceTypes());
        row.put("resources", run.counts().resources());
        row.put("entitlements", run.counts().entitlements());
        row.put("grants", run.counts().grants());
        row.put("resourcesByType", run.counts().resourcesByType());
        return row;
    }

    private static String fixed(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private record LongSummary(long min, long median, long max) {
        static LongSummary of(java.util.Collection<Long> values) {
            List<Long> sorted = values.stream().sorted().toList();
            return new LongSummary(sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
    }
}
