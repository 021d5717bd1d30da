package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;

/** One page of a syncer's output on its way from a worker to the single writer. */
sealed interface WriteBatch {
    /** The account the listing that made this page belongs to ({@link WorkUnit#account()}); null for none. */
    String account();

    /** The listing this page is of ({@link ListingKeys}); null when no checkpoint follows it. */
    String listing();

    /** The token of the listing's next page, or null when this is its last. */
    String next();

    /** @param parent null for a top-level listing */
    record Resources(
            String listedTypeId,
            ResourceId parent,
            List<Resource> resources,
            String account,
            String listing,
            String next)
            implements WriteBatch {
        public Resources {
            requireNonNull(listedTypeId, "listedTypeId is null");
            resources = List.copyOf(resources);
        }

        Resources(String listedTypeId, ResourceId parent, List<Resource> resources) {
            this(listedTypeId, parent, resources, null, null, null);
        }
    }

    record Entitlements(Resource resource, List<Entitlement> entitlements, String account, String listing, String next)
            implements WriteBatch {
        public Entitlements {
            requireNonNull(resource, "resource is null");
            entitlements = List.copyOf(entitlements);
        }

        Entitlements(Resource resource, List<Entitlement> entitlements) {
            this(resource, entitlements, null, null, null);
        }
    }

    /** Queued last by the worker that finds the phase finished (or best-effort after a failure): wakes the writer. */
    record PhaseEnd() implements WriteBatch {
        @Override
        public String account() {
            return null;
        }

        @Override
        public String listing() {
            return null;
        }

        @Override
        public String next() {
            return null;
        }
    }

    record Grants(Resource resource, List<Grant> grants, String account, String listing, String next)
            implements WriteBatch {
        public Grants {
            requireNonNull(resource, "resource is null");
            grants = List.copyOf(grants);
        }

        Grants(Resource resource, List<Grant> grants) {
            this(resource, grants, null, null, null);
        }
    }
}
