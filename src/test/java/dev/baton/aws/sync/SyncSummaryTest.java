package dev.baton.aws.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SyncSummaryTest {
    @Test
    void renderListsCountsCallsAndTheFirstWarnings() {
        SyncSummary summary = new SyncSummary(
                3,
                new TreeMap<>(Map.of("role", 2L, "iam_user", 5L)),
                4,
                10,
                6,
                1,
                7,
                List.of("dropped grant g1: its principal role:x was not synced", "iam:GetRole on r: AccessDenied"),
                new TreeMap<>(Map.of("sso", 4L, "iam", 20L)),
                2,
                3,
                Duration.ofMillis(12_345));

        assertEquals("""
                Sync finished in 12.3 s
                  resource types: 3
                  resources:      7
                    iam_user: 5
                    role: 2
                  entitlements:   4
                  grants:         16 (10 direct, 6 from expansion; 1 existing grants given sources)
                  API calls:      24 (iam 20, sso 4), throttled 2, retries 3
                  warnings:       7
                    - dropped grant g1: its principal role:x was not synced
                    - iam:GetRole on r: AccessDenied
                    ... and 5 more
                """, summary.render());
    }

    @Test
    void theWarningCollectorCountsAllAndKeepsTheFirstFew() {
        List<String> forwarded = new java.util.ArrayList<>();
        WarningCollector warnings = new WarningCollector(2, forwarded::add);

        warnings.warn("one");
        warnings.warn("two");
        warnings.warn("three");

        assertEquals(3, warnings.count());
        assertEquals(List.of("one", "two"), warnings.firstMessages());
        assertEquals(List.of("one", "two", "three"), forwarded);
    }
}
