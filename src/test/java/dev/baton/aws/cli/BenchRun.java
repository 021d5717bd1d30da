package dev.baton.aws.cli;

import dev.baton.aws.c1z.C1zCounts;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one benchmarked sync measured. Call counts come from the simulator (the server side, so they include
 * throttled attempts and SDK retries); throttles and retries as the client saw them come from the CLI's summary.
 *
 * @param world            world name (S, M, L or a spec)
 * @param mode             {@code fast} or {@code upstream}
 * @param exitCode         the CLI's exit code
 * @param wallSeconds      the sync inside its JVM ({@code Main.run}: parsing, role assumption, sync, c1z write)
 * @param jvmSeconds       the forked JVM from start to exit
 * @param callsByOperation every call the simulator answered, per {@code service:Operation}
 * @param throttledByOperation calls the simulator throttled, per {@code service:Operation}
 * @param admittedByScope  calls each rate scope let through, per scope ({@code iam:<account>}, {@code sts}, ...)
 * @param clientThrottled  throttles the client saw (-1 when its summary was not found)
 * @param clientRetries    retries the client made (-1 when its summary was not found)
 * @param vmHwmKiB         peak RSS of the sync's JVM in KiB ({@code VmHWM}), -1 without procfs
 * @param heapPeakBytes    sum of the heap pools' peak usage in that JVM
 * @param c1zBytes         size of the written c1z
 * @param counts           rows of the written c1z
 */
record BenchRun(
        String world,
        String mode,
        int exitCode,
        double wallSeconds,
        double jvmSeconds,
        SortedMap<String, Long> callsByOperation,
        SortedMap<String, Long> throttledByOperation,
        SortedMap<String, Long> admittedByScope,
        long clientThrottled,
        long clientRetries,
        long vmHwmKiB,
        long heapPeakBytes,
        long c1zBytes,
        C1zCounts counts) {
    BenchRun {
        callsByOperation = new TreeMap<>(callsByOperation);
        throttledByOperation = new TreeMap<>(throttledByOperation);
        admittedByScope = new TreeMap<>(admittedByScope);
    }

    /** The binding rate scope and its time at the allowed rate: calls admitted in that scope / its rate. */
    record Bound(String scope, long calls, double rate, double seconds) {}

    long calls() {
        return callsByOperation.values().stream().mapToLong(Long::longValue).sum();
    }

    long serverThrottled() {
        return throttledByOperation.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls per service: the part of the operation key before the colon. */
    SortedMap<String, Long> callsByService() {
        SortedMap<String, Long> result = new TreeMap<>();
        callsByOperation.forEach((operation, count) ->
                result.merge(operation.substring(0, Math.max(0, operation.indexOf(':'))), count, Long::sum));
        return result;
    }

    /**
     * Mean IAM calls per account leaving out {@code iam:ListAccessKeys}: access key ids are in no bulk API, so with
     * {@code --sync-secrets} that call is made once per user that has keys, on top of the per-account fast path.
     */
    double iamCallsPerAccountWithoutKeys() {
        SortedMap<String, Long> byAccount = iamCallsByAccount();
        if (byAccount.isEmpty()) {
            return 0;
        }
        long total = byAccount.values().stream().mapToLong(Long::longValue).sum();
        return (double) (total - callsByOperation.getOrDefault("iam:ListAccessKeys", 0L)) / byAccount.size();
    }

    /** IAM calls admitted per account ({@code iam:<account>} scopes), by account id. */
    SortedMap<String, Long> iamCallsByAccount() {
        SortedMap<String, Long> result = new TreeMap<>();
        admittedByScope.forEach((scope, count) -> {
            if (scope.startsWith("iam:")) {
                result.put(scope.substring(4), count);
            }
        });
        return result;
    }

    /**
     * The rate-limit lower bound on the sync's wall time: the maximum over rate-limited scopes of admitted calls /
     * allowed rate (IAM per account, so the busiest account counts). Each bucket starts full (one second's worth),
     * so a sync may beat this bound by up to a second.
     */
    Bound bound(BenchSettings settings) {
        Bound best = new Bound("-", 0, 0, 0);
        for (Map.Entry<String, Long> entry : admittedByScope.entrySet()) {
            double rate = settings.rateOf(entry.getKey());
            if (rate > 0 && entry.getValue() / rate > best.seconds()) {
                best = new Bound(entry.getKey(), entry.getValue(), rate, entry.getValue() / rate);
            }
        }
        return best;
    }

    /** Wall time over the rate-limit bound: 1.0 means the sync ran exactly at the allowed rate. */
    double wallOverBound(BenchSettings settings) {
        double bound = bound(settings).seconds();
        return bound == 0 ? Double.NaN : wallSeconds / bound;
    }
}
