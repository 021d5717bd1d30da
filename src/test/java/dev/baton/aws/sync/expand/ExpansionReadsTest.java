package dev.baton.aws.sync.expand;

import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.expandable;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.group;
import static dev.baton.aws.sync.SyncFixtures.role;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.sync.InMemorySyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** How often expansion streams a source entitlement's grants out of the store. */
class ExpansionReadsTest {
    private static final int GROUPS = 6;
    private static final int ROLES = 4;

    /**
     * Every group's members flow into every role and into the group "all" (layer 0), and "all" flows into every
     * role (layer 1): each source has several destinations, yet its grants are read once.
     */
    @Test
    void eachSourceEntitlementsGrantsAreReadOnce() throws SyncException {
        CountingStore store = new CountingStore(world());

        ExpansionResult result = new GrantExpander(store, warning -> {}, 20, ExpansionProgress.none()).expand();

        assertTrue(result.grantsCreated() > 0);
        assertEquals(GROUPS + 1, store.sourceReads.size(), "every source is read: " + store.sourceReads);
        store.sourceReads.forEach((source, reads) -> assertEquals(1, reads, source + " read " + reads + " times"));
    }

    /** With no room to keep sources, each destination streams them again, and the outcome is the same. */
    @Test
    void withoutACacheSourcesAreReadPerDestinationWithTheSameResult() throws SyncException {
        InMemorySyncStore cached = world();
        InMemorySyncStore uncached = world();
        CountingStore counting = new CountingStore(uncached);

        ExpansionResult withCache = new GrantExpander(cached, warning -> {}, 20, ExpansionProgress.none()).expand();
        ExpansionResult withoutCache =
                new GrantExpander(counting, warning -> {}, 20, ExpansionProgress.none(), 0).expand();

        assertEquals(withCache, withoutCache);
        assertEquals(ROLES + 1, counting.sourceReads.get("group:g0:member"));
        assertEquals(bytesById(cached), bytesById(uncached));
    }

    private static InMemorySyncStore world() {
        InMemorySyncStore store = new InMemorySyncStore();
        List<Resource> users = new ArrayList<>();
        List<Resource> groups = new ArrayList<>();
        List<Resource> roles = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            users.add(user("u" + i));
        }
        for (int i = 0; i < GROUPS; i++) {
            groups.add(group("g" + i));
        }
        for (int i = 0; i < ROLES; i++) {
            roles.add(role("r" + i));
        }
        Resource all = group("all");
        List<Resource> resources = new ArrayList<>(users);
        resources.addAll(groups);
        resources.addAll(roles);
        resources.add(all);
        store.putResources(resources);
        List<Entitlement> entitlements = new ArrayList<>();
        groups.forEach(g -> entitlements.add(entitlement(g, "member")));
        roles.forEach(r -> entitlements.add(entitlement(r, "assigned")));
        Entitlement allMember = entitlement(all, "member");
        entitlements.add(allMember);
        store.putEntitlements(entitlements);
        List<Grant> grants = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            Entitlement member = entitlement(groups.get(g), "member");
            for (int u = g; u < g + 4; u++) {
                grants.add(grant(member, users.get(u % users.size()).getId()));
            }
            grants.add(expandable(grant(allMember, groups.get(g).getId()), member.getId()));
            for (Resource role : roles) {
                grants.add(expandable(
                        grant(entitlement(role, "assigned"), groups.get(g).getId()), member.getId()));
            }
        }
        for (Resource role : roles) {
            Entitlement assigned = entitlement(role, "assigned");
            grants.add(grant(assigned, users.get(0).getId()));
            grants.add(expandable(grant(assigned, all.getId()), allMember.getId()));
        }
        store.putGrants(grants);
        return store;
    }

    private static Map<String, String> bytesById(InMemorySyncStore store) {
        Map<String, String> bytes = new TreeMap<>();
        store.grants().forEach(stored -> bytes.put(stored.grant().getId(), stored.toString()));
        return bytes;
    }

    /** Counts the source streams; everything else passes through. */
    private static final class CountingStore implements ExpansionStore {
        private final ExpansionStore delegate;
        final Map<String, Integer> sourceReads = new TreeMap<>();

        CountingStore(ExpansionStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Entitlement> entitlement(String entitlementId) {
            return delegate.entitlement(entitlementId);
        }

        @Override
        public Optional<StoredGrant> grant(String grantId) {
            return delegate.grant(grantId);
        }

        @Override
        public void forEachExpandableGrant(Consumer<StoredGrant> consumer) {
            delegate.forEachExpandableGrant(consumer);
        }

        @Override
        public void forEachGrantOfEntitlement(String entitlementId, Consumer<StoredGrant> consumer) {
            sourceReads.merge(entitlementId, 1, Integer::sum);
            delegate.forEachGrantOfEntitlement(entitlementId, consumer);
        }

        /** A destination's principal index, not a source stream. */
        @Override
        public void forEachGrantPrincipal(String entitlementId, BiConsumer<String, ResourceId> consumer) {
            delegate.forEachGrantPrincipal(entitlementId, consumer);
        }

        @Override
        public void putGrants(List<Grant> grants) {
            delegate.putGrants(grants);
        }
    }
}
