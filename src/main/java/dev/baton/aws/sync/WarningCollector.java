package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's one {@link SyncWarnings}: the CLI hands it to the connector's syncers and to the engine. It counts
 * every warning, keeps the first few for the end summary and forwards each to a delegate (the log). Thread-safe,
 * since syncers warn from worker threads.
 */
public final class WarningCollector implements SyncWarnings {
    private final int kept;
    private final SyncWarnings delegate;
    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new ArrayList<>();

    /** @param kept how many of the first messages to keep for the summary */
    public WarningCollector(int kept, SyncWarnings delegate) {
        if (kept < 0) {
            throw new IllegalArgumentException("kept must be >= 0, got " + kept);
        }
        this.kept = kept;
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public void warn(String message) {
        requireNonNull(message, "message is null");
        count.incrementAndGet();
        synchronized (first) {
            if (first.size() < kept) {
                first.add(message);
            }
        }
        delegate.warn(message);
    }

    public long count() {
        return count.get();
    }

    /** The first messages, in the order they arrived. */
    public List<String> firstMessages() {
        synchronized (first) {
            return List.copyOf(first);
        }
    }
}
