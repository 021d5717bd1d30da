package dev.baton.aws.sync.expand;

import static java.util.Objects.requireNonNull;

/** One source entitlement whose holders flow into a destination entitlement, and how. */
record Inflow(String sourceEntitlementId, EdgeSpec spec) {
    Inflow {
        requireNonNull(sourceEntitlementId, "sourceEntitlementId is null");
        requireNonNull(spec, "spec is null");
    }
}
