package dev.baton.aws.sync;

/** Receives progress while a sync runs; the CLI prints {@link SyncProgress#render()} to stderr. */
@FunctionalInterface
public interface ProgressSink {
    void progress(SyncProgress progress);

    static ProgressSink none() {
        return progress -> {};
    }
}
