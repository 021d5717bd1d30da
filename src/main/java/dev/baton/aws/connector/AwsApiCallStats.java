package dev.baton.aws.connector;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallStats;
import dev.baton.aws.spi.ApiCallStats;
import java.util.Map;

/** The engine's view of the AWS call counters ({@code aws} may not depend on {@code spi}, so the adapter lives here). */
public final class AwsApiCallStats implements ApiCallStats {
    private final AwsCallStats stats;

    public AwsApiCallStats(AwsCallStats stats) {
        this.stats = requireNonNull(stats, "stats is null");
    }

    @Override
    public Map<String, Long> callsByService() {
        return stats.callsByService();
    }

    @Override
    public long throttled() {
        return stats.throttled();
    }

    @Override
    public long retries() {
        return stats.retries();
    }
}
