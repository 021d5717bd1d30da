package dev.baton.aws.c1z;

/** Rows counted while checking; one instance per sync, summed over the file. */
final class ContentTotals {
    long resourceTypes;
    long resources;
    long entitlements;
    long grants;

    void add(ContentTotals other) {
        resourceTypes += other.resourceTypes;
        resources += other.resources;
        entitlements += other.entitlements;
        grants += other.grants;
    }

    @Override
    public String toString() {
        return "resource_types " + resourceTypes + ", resources " + resources + ", entitlements " + entitlements
                + ", grants " + grants;
    }
}
