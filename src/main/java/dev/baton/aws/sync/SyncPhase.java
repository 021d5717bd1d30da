package dev.baton.aws.sync;

/** The phases of a sync, in the order they run (docs/architecture.md). */
public enum SyncPhase {
    RESOURCE_TYPES("resource types"),
    RESOURCES("resources"),
    ENTITLEMENTS("entitlements"),
    GRANTS("grants"),
    GRANT_EXPANSION("grant expansion");

    private final String label;

    SyncPhase(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
