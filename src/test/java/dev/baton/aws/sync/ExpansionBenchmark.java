package dev.baton.aws.sync;

import static dev.baton.aws.sync.SyncFixtures.GROUP;
import static dev.baton.aws.sync.SyncFixtures.ROLE;
import static dev.baton.aws.sync.SyncFixtures.USER;
import static dev.baton.aws.sync.SyncFixtures.expandable;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.baton.aws.c1z.C1zWriterOptions;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.ApiCallStats;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.testing.ProcessStats;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * About a million grants, 40% of them from expansion, written through {@link C1zSyncStore} with the full engine:
 * 40k users; 2k groups of 20 members; 2k policies each attached to 250 users and (shallow, expandable) to 10
 * groups; 1k roles each assumed by 100 users and (deep) by one group. Prints grants/s and the peak heap after GC.
 * Run with {@code mvn -Pbench test -Dtest=ExpansionBenchmark}; targets: ≥ 200k grants/s, ≤ 512 MiB.
 */
@Tag("bench")
class ExpansionBenchmark {
    private static final String ACCOUNT = "arn:aws:iam::123456789012:";
    private static final int USERS = 40_000;
    private static final int GROUPS = 2_000;
    private static final int MEMBERS = 20;
    private static final int POLICIES = 2_000;
    private static final int POLICY_USERS = 250;
    private static final int POLICY_GROUPS = 10;
    private static final int ROLES = 1_000;
    private static final int ROLE_USERS = 100;
    private static final ResourceType POLICY = SyncFixtures.type("iam_policy", ResourceType.Trait.TRAIT_UNSPECIFIED);

    @TempDir
    Path directory;

    @Test
    void aMillionGrantsWithExpansion() throws Exception {
        run(directory);
    }

    /**
     * Also runnable outside surefire, e.g. {@code java -Xmx512m ... ExpansionBenchmark <dir>}, to prove the cap.
     * With a second argument {@code memory} it runs against {@link InMemorySyncStore} instead (give it -Xmx2g):
     * that measures the engine and the expander without SQLite.
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("memory")) {
            long cpu = ProcessStats.processCpuNanos();
            long started = System.nanoTime();
            SyncSummary summary = new SyncEngine(
                            syncers(),
                            new InMemorySyncStore(),
                            SyncOptions.defaults(),
                            new WarningCollector(5, m -> {}),
                            ApiCallStats.none(),
                            ProgressSink.none(),
                            Clock.systemUTC())
                    .run();
            double cpuSeconds = (ProcessStats.processCpuNanos() - cpu) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "bench (in memory): %d grants in %.1f s, %.1f s CPU = %.0f grants per" + " CPU second%n",
                    summary.grants(),
                    (System.nanoTime() - started) / 1e9,
                    cpuSeconds,
                    summary.grants() / cpuSeconds);
            return;
        }
        run(Files.createTempDirectory(Path.of(args.length > 0 ? args[0] : "."), "bench"));
    }

    private static void run(Path directory) throws Exception {
        PeakHeap peak = PeakHeap.start();
        Path output = directory.resolve("bench.c1z");
        long started = System.nanoTime();
        long cpuStarted = ProcessStats.processCpuNanos();
        SyncSummary summary;
        try (C1zSyncStore store =
                C1zSyncStore.create(output, C1zWriterOptions.defaults().withTempDir(directory.resolve("work")))) {
            summary = new SyncEngine(
                            syncers(),
                            store,
                            SyncOptions.defaults().withProgressInterval(Duration.ofSeconds(3)),
                            new WarningCollector(5, m -> {}),
                            ApiCallStats.none(),
                            progress -> System.out.println(progress.render()),
                            Clock.systemUTC())
                    .run();
            store.finish();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (ProcessStats.processCpuNanos() - cpuStarted) / 1e9;
        System.gc();
        long peakMiB = peak.stop() / (1024 * 1024);
        System.out.println(summary.render());
        System.out.printf(
                Locale.ROOT,
                "bench: %d grants (%d direct, %d expanded) in %.1f s = %.0f grants/s"
                        + " (%.1f s CPU = %.0f grants per CPU second); peak heap after GC %d MiB; file %d MiB;"
                        + " peak RSS %s%n",
                summary.grants(),
                summary.grantsDirect(),
                summary.grantsExpanded(),
                seconds,
                summary.grants() / seconds,
                cpuSeconds,
                summary.grants() / cpuSeconds,
                peakMiB,
                Files.size(output) / (1024 * 1024),
                ProcessStats.peakRss());
        assertTrue(summary.grants() > 900_000, "the scenario must reach about a million grants");
        assertEquals(0, summary.warnings());
    }

    private static List<ResourceSyncer> syncers() {
        return List.of(
                new GeneratedSyncer(USER, USERS, 500, index -> SyncFixtures.user(userArn(index)), null, null),
                new GeneratedSyncer(
                        GROUP,
                        GROUPS,
                        200,
                        index -> SyncFixtures.group(ACCOUNT + "group/g" + index),
                        "member",
                        ExpansionBenchmark::groupGrants),
                new GeneratedSyncer(
                        POLICY,
                        POLICIES,
                        200,
                        index -> SyncFixtures.resource("iam_policy", ACCOUNT + "policy/p" + index, null),
                        "attached",
                        ExpansionBenchmark::policyGrants),
                new GeneratedSyncer(
                        ROLE,
                        ROLES,
                        200,
                        index -> SyncFixtures.role(ACCOUNT + "role/r" + index),
                        "assigned",
                        ExpansionBenchmark::roleGrants));
    }

    private static String userArn(int index) {
        return ACCOUNT + "user/user-" + index;
    }

    private static int indexOf(Resource resource) {
        String id = resource.getId().getResource();
        int start = id.length();
        while (start > 0 && Character.isDigit(id.charAt(start - 1))) {
            start--;
        }
        return Integer.parseInt(id.substring(start));
    }

    private static List<Grant> groupGrants(Resource group, Entitlement member) {
        int index = indexOf(group);
        List<Grant> grants = new ArrayList<>(MEMBERS);
        for (int slot = 0; slot < MEMBERS; slot++) {
            grants.add(grant(
                    member,
                    SyncFixtures.user(userArn((index * 7919 + slot * 104729) % USERS))
                            .getId()));
        }
        return grants;
    }

    private static Entitlement member(int group) {
        return SyncFixtures.entitlement(SyncFixtures.group(ACCOUNT + "group/g" + group), "member");
    }

    private static List<Grant> policyGrants(Resource policy, Entitlement attached) {
        int index = indexOf(policy);
        List<Grant> grants = new ArrayList<>(POLICY_USERS + POLICY_GROUPS);
        for (int user = 0; user < POLICY_USERS; user++) {
            grants.add(grant(
                    attached,
                    SyncFixtures.user(userArn((index * 131 + user * 157) % USERS))
                            .getId()));
        }
        for (int group = 0; group < POLICY_GROUPS; group++) {
            Entitlement member = member((index * 17 + group * 197) % GROUPS);
            grants.add(expandable(grant(attached, member.getResource().getId()), true, List.of(), member.getId()));
        }
        return grants;
    }

    private static List<Grant> roleGrants(Resource role, Entitlement assigned) {
        int index = indexOf(role);
        List<Grant> grants = new ArrayList<>(ROLE_USERS + 1);
        for (int user = 0; user < ROLE_USERS; user++) {
            grants.add(grant(
                    assigned,
                    SyncFixtures.user(userArn((index * 263 + user * 389) % USERS))
                            .getId()));
        }
        Entitlement member = member(index % GROUPS);
        grants.add(expandable(grant(assigned, member.getResource().getId()), member.getId()));
        return grants;
    }

    /** The largest heap occupancy right after a collection: the live set, independent of how lazy the GC is. */
    private static final class PeakHeap {
        private final AtomicLong peak = new AtomicLong();
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = (notification, handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(MemoryUsage::getUsed)
                        .sum();
                peak.accumulateAndGet(used, Math::max);
            }
        };

        static PeakHeap start() {
            PeakHeap heap = new PeakHeap();
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(heap.listener, null, null);
                    heap.emitters.add(emitter);
                }
            }
            return heap;
        }

        long stop() throws Exception {
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(listener);
            }
            return peak.get();
        }
    }
}
