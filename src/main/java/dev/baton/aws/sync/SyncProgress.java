package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * A snapshot of a running sync, reported every {@link SyncOptions#progressInterval()}.
 *
 * @param typesDone   resource types whose work in this phase is finished
 * @param apiCalls    remote calls so far, all services
 */
public record SyncProgress(SyncPhase phase, int typesDone, int typesTotal, long resources, long entitlements,
                           long grants, long apiCalls, Duration elapsed) {
    public SyncProgress {
        requireNonNull(phase, "phase is null");
        requireNonNull(elapsed, "elapsed is null");
    }

    /**
     * One line, e.g.
     * {@code sync: grants, types 3/14, 1200 resources, 300 entitlements, 5000 grants, 812 API calls, 12s}.
     */
    public String render() {
        return "sync: " + phase.label() + ", types " + typesDone + "/" + typesTotal + ", " + resources + " resources, "
                + entitlements + " entitlements, " + grants + " grants, " + apiCalls + " API calls, "
                + elapsed.toSeconds() + "s";
    }
}
