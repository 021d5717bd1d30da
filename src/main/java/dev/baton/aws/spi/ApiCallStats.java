package dev.baton.aws.spi;

import java.util.Map;

/** Counts of remote API calls made so far, for progress lines and the end summary. */
public interface ApiCallStats {
    /** Calls per service scope (e.g. {@code iam}, {@code sso}), sorted by key. */
    Map<String, Long> callsByService();

    long throttled();

    long retries();

    static ApiCallStats none() {
        return new ApiCallStats() {
            @Override
            public Map<String, Long> callsByService() {
                return Map.of();
            }

            @Override
            public long throttled() {
                return 0;
            }

            @Override
            public long retries() {
                return 0;
            }
        };
    }
}
