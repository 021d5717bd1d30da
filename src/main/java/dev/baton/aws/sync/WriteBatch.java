package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;

/** One page of a syncer's output on its way from a worker to the single writer. */
sealed interface WriteBatch {
    /** @param parent null for a top-level listing */
    record Resources(String listedTypeId, ResourceId parent, List<Resource> resources) implements WriteBatch {
        public Resources {
            requireNonNull(listedTypeId, "listedTypeId is null");
            resources = List.copyOf(resources);
        }
    }

    record Entitlements(Resource resource, List<Entitlement> entitlements) implements WriteBatch {
        public Entitlements {
            requireNonNull(resource, "resource is null");
            entitlements = List.copyOf(entitlements);
        }
    }

    /** Queued last by the worker that finds the phase finished (or best-effort after a failure): wakes the writer. */
    record PhaseEnd() implements WriteBatch {}

    record Grants(Resource resource, List<Grant> grants) implements WriteBatch {
        public Grants {
            requireNonNull(resource, "resource is null");
            grants = List.copyOf(grants);
        }
    }
}
