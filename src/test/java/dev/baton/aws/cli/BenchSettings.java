package dev.baton.aws.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The knobs of {@link SyncBenchmark}, read from system properties ({@code -Dbench.worlds=S,M} on the Maven command
 * line is passed through to the surefire JVM). Defaults model AWS: 25 ms per call and AWS's published rates.
 *
 * @param worlds    {@code bench.worlds}: world sizes to run, names of {@link #WORLDS} (any case), or generator specs separated by {@code ;}
 * @param modes     {@code bench.modes}: {@code fast} (defaults, {@code --workers N}) and/or {@code upstream}
 *                  ({@code --workers 1 --no-fast-path})
 * @param workers   {@code bench.workers}: workers of the fast mode
 * @param latencyMs {@code bench.latencyMs}: simulator latency per call
 * @param jitterMs  {@code bench.jitterMs}: simulator jitter per call
 * @param rates     {@code bench.rates}: simulator rate per scope, e.g. {@code iam=15,identityCenter=20}
 * @param jvmArgs   {@code bench.jvmArgs}: options of the forked sync JVM (default: those of {@code bin/baton-aws})
 * @param extraArgs {@code bench.extraArgs}: extra CLI flags for every sync, e.g. {@code --sync-sso-user-last-login}
 * @param output    {@code bench.out}: where c1z files, logs and results go
 */
record BenchSettings(
        List<String> worlds,
        List<String> modes,
        int workers,
        long latencyMs,
        long jitterMs,
        Map<String, Double> rates,
        List<String> jvmArgs,
        List<String> extraArgs,
        Path output) {
    /**
     * Named world sizes: generator specs for {@code WorldGenerator}. XL is an enterprise organization (1,000
     * accounts, 30,000 Identity Center users); XL10 is a tenth of it, for measuring the same shape quickly.
     */
    static final Map<String, String> WORLDS = Map.of(
            "S", "accounts=3,iamUsersPerAccount=10,ssoUsers=50,ssoGroups=10,permissionSets=5,assignments=60,seed=1",
            "M", "accounts=20,iamUsersPerAccount=20,ssoUsers=500,ssoGroups=50,permissionSets=20,assignments=600,seed=1",
            "L",
                    "accounts=200,iamUsersPerAccount=20,ssoUsers=5000,ssoGroups=300,permissionSets=80,assignments=6000,"
                            + "seed=1",
            "XL",
                    "accounts=1000,iamUsersPerAccount=30,ssoUsers=30000,ssoGroups=1500,permissionSets=200,"
                            + "assignments=40000,seed=1",
            "XL10",
                    "accounts=100,iamUsersPerAccount=30,ssoUsers=3000,ssoGroups=150,permissionSets=20,"
                            + "assignments=4000,seed=1");

    /** The heap limit {@code bin/baton-aws} gives a sync when JAVA_OPTS sets none ({@code LauncherTest} checks). */
    static final String LAUNCHER_HEAP = "-Xmx640m";

    static BenchSettings fromSystemProperties() {
        return new BenchSettings(
                list("bench.worlds", "S,M"),
                list("bench.modes", "fast,upstream"),
                Integer.getInteger("bench.workers", 8),
                Long.getLong("bench.latencyMs", 25),
                Long.getLong("bench.jitterMs", 0),
                rates(System.getProperty(
                        "bench.rates", "iam=15,identityCenter=20,organizations=10,sts=20,cloudtrail=2")),
                words(System.getProperty("bench.jvmArgs", "-XX:+UseSerialGC " + LAUNCHER_HEAP)),
                words(System.getProperty("bench.extraArgs", "")),
                Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath());
    }

    /** The generator spec of a world name (S, M, L, XL, XL10; any case) or the name itself when it is a spec. */
    static String spec(String world) {
        return WORLDS.getOrDefault(world.toUpperCase(Locale.ROOT), world);
    }

    /** CLI flags that select a mode on top of the connection flags. */
    List<String> modeArgs(String mode) {
        return switch (mode) {
            case "fast" -> List.of("--workers", String.valueOf(workers));
            case "upstream" -> List.of("--workers", "1", "--no-fast-path");
            default -> throw new IllegalArgumentException("bench.modes: unknown mode '" + mode + "' (fast, upstream)");
        };
    }

    /** The simulator rate of a rate scope such as {@code iam:111111111111} or {@code sts}; 0 = unlimited. */
    double rateOf(String scope) {
        int colon = scope.indexOf(':');
        return rates.getOrDefault(colon < 0 ? scope : scope.substring(0, colon), 0.0);
    }

    /** Comma-separated, or semicolon-separated when a value is a generator spec (which has commas itself). */
    private static List<String> list(String property, String fallback) {
        String text = System.getProperty(property, fallback);
        List<String> values = new ArrayList<>();
        for (String value : text.split(text.contains("=") ? ";" : ",")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return values;
    }

    private static Map<String, Double> rates(String text) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] pair = part.split("=");
            if (pair.length != 2) {
                throw new IllegalArgumentException("bench.rates: expected scope=rps, got '" + part + "'");
            }
            rates.put(pair[0].trim(), Double.parseDouble(pair[1].trim()));
        }
        return rates;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+"))
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
