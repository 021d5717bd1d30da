package dev.baton.aws.c1z;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.testing.C1zAssertions;
import dev.baton.aws.testing.ProcessStats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes 1M small grants (1000 groups x 1000 users, blobs of about 100 bytes) at zstd level 3 and prints
 * rows/s and heap figures.
 * Run with {@code mvn -Pbench test -Dtest=C1zWriterBenchmark}; {@code -Dc1z.bench.groups=N} writes N x 1000
 * grants, {@code -Dc1z.bench.check=true} also validates the result (with the python checker too when
 * {@code -Dc1z.check} names it). Only the heap bound is
 * asserted: the machine is shared, so throughput is reported rather than enforced.
 */
@Tag("bench")
class C1zWriterBenchmark {
    private static final int GROUPS = Integer.getInteger("c1z.bench.groups", 1000);
    private static final int USERS = 1000;
    private static final int CHUNK = 1000;

    @TempDir
    Path dir;

    @Test
    void writesOneMillionGrants() throws Exception {
        Path out = dir.resolve("bench.c1z");
        List<Resource> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            users.add(plainUser(u));
        }
        List<Entitlement> entitlements = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            entitlements.add(C1zFixtures.member(C1zFixtures.group("group-" + g)));
        }
        resetPeaks();
        long retainedAtStart = retainedHeap();
        long retainedMidway = 0;
        long start = System.nanoTime();
        long cpuStart = threadCpuNanos();
        long processCpuStart = ProcessStats.processCpuNanos();
        long grantsDone;
        C1zCounts counts;
        try (C1zWriter writer =
                C1zWriter.create(out, C1zWriterOptions.defaults().withTempDir(dir))) {
            writer.putResourceTypes(C1zFixtures.TYPES);
            writer.putResources(List.of(C1zFixtures.account("111122223333")));
            writer.putResources(users);
            writer.putResources(
                    entitlements.stream().map(Entitlement::getResource).toList());
            writer.putEntitlements(entitlements);
            for (int g = 0; g < GROUPS; g++) {
                writer.putGrants(grantsOf(entitlements.get(g), users));
                if (g == GROUPS / 10) {
                    retainedMidway = retainedHeap();
                }
            }
            long putNanos = System.nanoTime() - start;
            long putCpuNanos = threadCpuNanos() - cpuStart;
            counts = writer.counts();
            grantsDone = counts.grants();
            long finishStart = System.nanoTime();
            long finishCpuStart = threadCpuNanos();
            writer.finish();
            long finishNanos = System.nanoTime() - finishStart;
            long finishCpuNanos = threadCpuNanos() - finishCpuStart;
            report("wall", putNanos, finishNanos);
            report("cpu", putCpuNanos, finishCpuNanos);
            double processCpuSeconds = (ProcessStats.processCpuNanos() - processCpuStart) / 1e9;
            System.out.printf(
                    "process cpu (every thread: zstd workers, JIT, GC too) %.2f s = %.0f grants per CPU" + " second%n",
                    processCpuSeconds, GROUPS * USERS / processCpuSeconds);
            System.out.printf("file %d MiB; peak RSS so far %s%n", mib(Files.size(out)), ProcessStats.peakRss());
        }
        long retainedAtEnd = retainedHeap();
        System.out.printf(
                "retained heap after GC: start %d MiB, after 10%% %d MiB, end %d MiB; peak heap %d MiB%n",
                mib(retainedAtStart), mib(retainedMidway), mib(retainedAtEnd), mib(peakHeap()));
        assertEquals((long) GROUPS * USERS, grantsDone);
        assertEquals(USERS, counts.resourcesByType().get("user"));
        assertTrue(retainedAtEnd - retainedMidway < 32L << 20, "heap must not grow with rows written");
        if (Boolean.getBoolean("c1z.bench.check")) {
            System.out.println(
                    String.join("\n", C1zAssertions.assertValidC1z(out, 1800).lines()));
        }
    }

    /** The machine is shared, so the writing thread's CPU time is reported next to wall-clock time. */
    private static void report(String clock, long putNanos, long finishNanos) {
        long grants = (long) GROUPS * USERS;
        double putSeconds = putNanos / 1e9;
        double totalSeconds = (putNanos + finishNanos) / 1e9;
        System.out.printf(
                "%s: put %d grants in %.2f s = %.0f grants/s; finish (zstd 3) %.2f s; total %.0f grants/s%n",
                clock, grants, putSeconds, grants / putSeconds, finishNanos / 1e9, grants / totalSeconds);
    }

    private static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Small grants: the entitlement embeds only its id and resource id, the principal only its id. */
    private static List<Grant> grantsOf(Entitlement entitlement, List<Resource> users) {
        Entitlement reference = Entitlement.newBuilder()
                .setId(entitlement.getId())
                .setResource(
                        Resource.newBuilder().setId(entitlement.getResource().getId()))
                .build();
        List<Grant> grants = new ArrayList<>(CHUNK);
        for (Resource user : users) {
            grants.add(Grant.newBuilder()
                    .setEntitlement(reference)
                    .setPrincipal(Resource.newBuilder().setId(user.getId()))
                    .setId(entitlement.getId() + ":user:" + user.getId().getResource())
                    .build());
        }
        return grants;
    }

    private static Resource plainUser(int index) {
        return C1zFixtures.user(String.format("user-%07d", index), "111122223333");
    }

    private static long retainedHeap() {
        System.gc();
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long mib(long bytes) {
        return bytes >> 20;
    }
}
