package dev.baton.aws.sync;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.spi.SyncWarnings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: checks each page against the invariants baton readers rely on (docs/output-files.md) and writes it. Runs on the
 * engine's thread only. Entitlement and grant listings overlap with resource listings, so a check that needs an
 * object of another listing cannot always be made when a page arrives: such entitlements and grants wait in memory
 * until {@link #settle()} (called once no resource or entitlement can arrive any more) and are checked then; from
 * that point every check is immediate.
 *
 * <p>A resource or entitlement that breaks an invariant is a connector bug and fails the sync, naming the object.
 * A grant whose entitlement or principal was not synced is dropped with one warning: AWS data legitimately points
 * outside the sync (a trust policy naming a role of an account that was not synced), and keeping such a grant
 * would make {@code baton access} crash on the file.
 */
final class SyncWriter {
    private static final Logger log = LoggerFactory.getLogger(SyncWriter.class);

    private final SyncStore store;
    private final SyncCheckpoint checkpoint;
    private final Map<String, ResourceType> syncedTypes;
    private final SyncWarnings warnings;
    private long resourcesWritten;
    private long entitlementsWritten;
    private long grantsWritten;
    private long grantsDropped;
    private final Set<String> reportedMissing = new HashSet<>();
    private final List<Entitlement> waitingEntitlements = new ArrayList<>();
    private final List<Grant> waitingGrants = new ArrayList<>();
    private boolean settled;
    private boolean expandableSeen;

    SyncWriter(SyncStore store, Map<String, ResourceType> syncedTypes, SyncWarnings warnings) {
        this.store = store;
        this.checkpoint = store.checkpoint();
        this.syncedTypes = Map.copyOf(syncedTypes);
        this.warnings = warnings;
    }

    /**
     * Takes up a sync an earlier run started ({@link SyncCheckpoint#resumed()}): what it wrote counts as written,
     * and what waited waits again. Each resource already written is handed to {@link #restore(Resource)}.
     */
    void restoreFrom(SyncCheckpoint resumed) {
        StoreCounts counts = store.counts();
        resourcesWritten = counts.resources();
        entitlementsWritten = counts.entitlements();
        grantsWritten = counts.grants();
        waitingEntitlements.addAll(resumed.waitingEntitlements());
        waitingGrants.addAll(resumed.waitingGrants());
        expandableSeen = resumed.hasExpandableGrants() || waitingGrants.stream().anyMatch(SyncWriter::isExpandable);
    }

    /** A resource an earlier run of this sync wrote, as new (for its listings) unless its type is not synced. */
    Optional<NewResource> restore(Resource resource) {
        ResourceType type = syncedTypes.get(resource.getId().getResourceType());
        if (type == null) {
            return Optional.empty(); // a type this run does not sync cannot be in a sync of the same settings
        }
        return Optional.of(newResource(type, resource));
    }

    /** A resource written for the first time, under the synced type's own id. */
    private static NewResource newResource(ResourceType type, Resource resource) {
        return new NewResource(type.getId(), Ids.resourceKey(resource.getId()), resource.getId());
    }

    void writeResourceTypes(List<ResourceType> types) {
        store.putResourceTypes(types);
    }

    /**
     * Writes one page. For a page of resources, returns those written for the first time in this sync (each once,
     * even when listed again), for their entitlement and grant listings; else an empty list.
     */
    List<NewResource> write(WriteBatch batch) throws SyncException {
        if (batch instanceof WriteBatch.Resources page) {
            return writeResources(page);
        }
        if (batch instanceof WriteBatch.Entitlements page) {
            writeEntitlements(page.resource(), page.entitlements());
        } else if (batch instanceof WriteBatch.Grants page) {
            writeGrants(page);
        } else if (!(batch instanceof WriteBatch.PhaseEnd)) {
            throw new IllegalArgumentException("unknown batch " + batch);
        }
        return List.of();
    }

    /**
     * A resource written for the first time; {@code resourceTypeId} is the synced type's own id instance.
     *
     * @param key the resource's {@code <type>:<id>} key
     */
    record NewResource(String resourceTypeId, String key, ResourceId id) {}

    /**
     * No resource or entitlement will be written any more: checks the entitlements and grants that were waiting
     * for one, and checks everything that follows at once. Fails like {@link #write} on a broken entitlement.
     */
    void settle() throws SyncException {
        if (settled) {
            return;
        }
        settled = true;
        boolean anyWaiting = !waitingEntitlements.isEmpty() || !waitingGrants.isEmpty();
        if (!waitingEntitlements.isEmpty()) {
            List<Entitlement> entitlements = List.copyOf(waitingEntitlements);
            waitingEntitlements.clear();
            writeEntitlements(null, entitlements);
        }
        if (!waitingGrants.isEmpty()) {
            List<Grant> grants = List.copyOf(waitingGrants);
            waitingGrants.clear();
            checkAndWrite(grants);
        }
        if (anyWaiting) {
            checkpoint.clearWaiting();
        }
    }

    boolean settled() {
        return settled;
    }

    /** Grants waiting for {@link #settle()}. */
    int waitingGrants() {
        return waitingGrants.size();
    }

    long resourcesWritten() {
        return resourcesWritten;
    }

    long entitlementsWritten() {
        return entitlementsWritten;
    }

    /** Grants accepted from syncers (dangling ones excluded). */
    long grantsWritten() {
        return grantsWritten;
    }

    long grantsDropped() {
        return grantsDropped;
    }

    /** True once a grant carried a {@code GrantExpandable} naming an entitlement: expansion has work to do. */
    boolean expandableSeen() {
        return expandableSeen;
    }

    private List<NewResource> writeResources(WriteBatch.Resources page) throws SyncException {
        for (Resource resource : page.resources()) {
            ResourceId id = resource.getId();
            if (!resource.hasId()
                    || id.getResourceType().isEmpty()
                    || id.getResource().isEmpty()) {
                throw new SyncException("listing resources of type " + page.listedTypeId()
                        + " returned a resource with an empty id (display name \"" + resource.getDisplayName() + "\")");
            }
            ResourceType type = syncedTypes.get(id.getResourceType());
            if (type == null) {
                throw new SyncException("resource " + Ids.resourceKey(id) + " (listed as type " + page.listedTypeId()
                        + ") has resource type " + id.getResourceType() + ", which is not synced");
            }
            TraitRequirements.check(type, resource);
        }
        List<NewResource> added = new ArrayList<>();
        Set<String> inPage = new HashSet<>();
        for (Resource resource : page.resources()) {
            if (inPage.add(Ids.resourceKey(resource.getId())) && !store.hasResource(resource.getId())) {
                added.add(newResource(syncedTypes.get(resource.getId().getResourceType()), resource));
            }
        }
        store.putResources(page.resources());
        resourcesWritten += page.resources().size();
        return added;
    }

    /** @param listedFor null when checking entitlements that waited for {@link #settle()} */
    private void writeEntitlements(Resource listedFor, List<Entitlement> entitlements) throws SyncException {
        List<Entitlement> accepted = new ArrayList<>(entitlements.size());
        for (Entitlement entitlement : entitlements) {
            if (entitlement.getId().isEmpty()) {
                ResourceId owner = listedFor == null ? entitlement.getResource().getId() : listedFor.getId();
                throw new SyncException("an entitlement of " + Ids.resourceKey(owner) + " has an empty id");
            }
            if (entitlement.hasResource()
                    && store.hasResource(entitlement.getResource().getId())) {
                accepted.add(entitlement);
            } else if (!settled && entitlement.hasResource()) {
                waitingEntitlements.add(entitlement);
                checkpoint.putWaiting(entitlement);
            } else {
                throw new SyncException("entitlement " + entitlement.getId() + " belongs to resource "
                        + Ids.resourceKey(entitlement.getResource().getId()) + ", which was not synced");
            }
        }
        if (!accepted.isEmpty()) {
            store.putEntitlements(accepted);
            entitlementsWritten += accepted.size();
        }
    }

    private void writeGrants(WriteBatch.Grants page) throws SyncException {
        for (Grant grant : page.grants()) {
            requireComplete(grant, page.resource());
        }
        checkAndWrite(page.grants());
    }

    private void checkAndWrite(List<Grant> grants) {
        List<Grant> accepted = new ArrayList<>(grants.size());
        for (Grant grant : grants) {
            boolean entitlementKnown =
                    store.hasEntitlement(grant.getEntitlement().getId());
            if (entitlementKnown && store.hasResource(grant.getPrincipal().getId())) {
                accepted.add(grant);
                if (!expandableSeen) {
                    expandableSeen = isExpandable(grant);
                }
            } else if (!settled) {
                waitingGrants.add(grant);
                checkpoint.putWaiting(grant);
            } else if (!entitlementKnown) {
                drop(
                        grant,
                        grant.getEntitlement().getId(),
                        "its entitlement " + grant.getEntitlement().getId() + " was not synced");
            } else {
                String principal = Ids.resourceKey(grant.getPrincipal().getId());
                drop(grant, principal, "its principal " + principal + " was not synced");
            }
        }
        if (!accepted.isEmpty()) {
            store.putGrants(accepted);
        }
        grantsWritten += accepted.size();
    }

    /** Readers dereference these without checks (CLI-legacy panics), so a grant without them is a connector bug. */
    private static void requireComplete(Grant grant, Resource listedFor) throws SyncException {
        String problem = null;
        if (grant.getId().isEmpty()) {
            problem = "has an empty id";
        } else if (grant.getEntitlement().getId().isEmpty()) {
            problem = "embeds no entitlement id";
        } else if (grant.getEntitlement().getResource().getId().getResource().isEmpty()) {
            problem = "embeds no entitlement.resource.id";
        } else if (grant.getPrincipal().getId().getResource().isEmpty()) {
            problem = "embeds no principal id";
        }
        if (problem != null) {
            String name = grant.getId().isEmpty() ? "of " + Ids.resourceKey(listedFor.getId()) : grant.getId();
            throw new SyncException("grant " + name + " " + problem);
        }
    }

    /**
     * One warning per missing entitlement or principal, not per grant: a permission set that references a policy
     * of an account whose IAM is not synced drops one grant per account binding, and hundreds of identical
     * warnings would hide the ones that matter. The rest are counted and logged at debug.
     */
    private void drop(Grant grant, String missing, String reason) {
        grantsDropped++;
        if (reportedMissing.add(missing)) {
            warnings.warn("dropped grant " + grant.getId() + ": " + reason);
        } else {
            log.debug("dropped grant {}: {}", grant.getId(), reason);
        }
    }

    private static boolean isExpandable(Grant grant) {
        return Annotations.find(grant.getAnnotationsList(), GrantExpandable.class)
                .map(expandable -> expandable.getEntitlementIdsList().stream().anyMatch(id -> !id.isBlank()))
                .orElse(false);
    }
}
