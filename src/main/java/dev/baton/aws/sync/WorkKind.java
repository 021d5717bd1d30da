package dev.baton.aws.sync;

/** What a unit of work lists, in the order workers prefer them when several are waiting. */
enum WorkKind {
    RESOURCES(SyncPhase.RESOURCES),
    ENTITLEMENTS(SyncPhase.ENTITLEMENTS),
    GRANTS(SyncPhase.GRANTS);

    private final SyncPhase phase;

    WorkKind(SyncPhase phase) {
        this.phase = phase;
    }

    SyncPhase phase() {
        return phase;
    }
}
