package dev.baton.aws.sync.expand;

import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.expandable;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.group;
import static dev.baton.aws.sync.SyncFixtures.role;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantImmutable;
import dev.baton.aws.proto.c1.connector.v2.GrantSources;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.sync.InMemorySyncStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GrantExpanderTest {
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final List<String> warnings = new ArrayList<>();

    private final Resource alice = user("alice");
    private final Resource bob = user("bob");
    private final Resource eng = group("eng");
    private final Resource all = group("all");
    private final Resource admin = role("admin");

    private Entitlement member(Resource group) {
        return entitlement(group, "member");
    }

    private Entitlement assigned(Resource role) {
        return entitlement(role, "assigned");
    }

    private void world(List<Resource> resources) {
        store.putResources(resources);
        List<Entitlement> entitlements = new ArrayList<>();
        for (Resource resource : resources) {
            String type = resource.getId().getResourceType();
            if (type.equals("group")) {
                entitlements.add(member(resource));
            } else if (type.equals("role")) {
                entitlements.add(assigned(resource));
            }
        }
        store.putEntitlements(entitlements);
    }

    private void grants(Grant... grants) {
        store.putGrants(List.of(grants));
    }

    private ExpansionResult expand(int maxDepth) throws SyncException {
        return new GrantExpander(store, warnings::add, maxDepth, ExpansionProgress.none()).expand();
    }

    private Grant stored(String id) {
        Optional<StoredGrant> grant = store.grant(id);
        assertTrue(
                grant.isPresent(),
                "no grant " + id + " in "
                        + store.grants().stream().map(g -> g.grant().getId()).toList());
        return grant.get().grant();
    }

    private static Map<String, Boolean> sources(Grant grant) {
        Map<String, Boolean> sources = new TreeMap<>();
        grant.getSources().getSourcesMap().forEach((id, source) -> sources.put(id, source.getIsDirect()));
        return sources;
    }

    private static boolean immutable(Grant grant) {
        return grant.getAnnotationsList().stream().anyMatch(any -> any.is(GrantImmutable.class));
    }

    @Test
    void membersOfANestedGroupBecomeMembersOfTheOuterGroup() throws SyncException {
        world(List.of(alice, eng, all));
        grants(grant(member(eng), alice.getId()), expandable(grant(member(all), eng.getId()), "group:eng:member"));

        ExpansionResult result = expand(20);

        Grant expanded = stored("group:all:member:user:alice");
        assertEquals(Map.of("group:eng:member", true), sources(expanded));
        assertTrue(immutable(expanded));
        assertEquals(
                store.entitlement("group:all:member").orElseThrow(),
                expanded.getEntitlement(),
                "an expanded grant embeds the full stored entitlement");
        assertEquals(alice.getId(), expanded.getPrincipal().getId());
        assertFalse(expanded.getPrincipal().hasParentResourceId());
        assertEquals(1, result.grantsCreated());
        assertEquals(1, result.edges());
    }

    @Test
    void groupMembersInheritTheGroupsRole() throws SyncException {
        world(List.of(alice, bob, eng, admin));
        grants(
                grant(member(eng), alice.getId()),
                grant(member(eng), bob.getId()),
                expandable(grant(assigned(admin), eng.getId()), "group:eng:member"));

        expand(20);

        assertEquals(Map.of("group:eng:member", true), sources(stored("role:admin:assigned:user:alice")));
        assertEquals(Map.of("group:eng:member", true), sources(stored("role:admin:assigned:user:bob")));
        assertTrue(
                store.grant("role:admin:assigned:group:eng").orElseThrow().isExpandable(),
                "the expandable grant keeps its expansion column");
    }

    @Test
    void aChainPropagatesToTheEndWithIndirectSourcesAfterTheFirstHop() throws SyncException {
        Resource g1 = group("g1");
        Resource g2 = group("g2");
        Resource g3 = group("g3");
        world(List.of(alice, g1, g2, g3, admin));
        grants(
                grant(member(g1), alice.getId()),
                expandable(grant(member(g2), g1.getId()), "group:g1:member"),
                expandable(grant(member(g3), g2.getId()), "group:g2:member"),
                expandable(grant(assigned(admin), g3.getId()), "group:g3:member"));

        ExpansionResult result = expand(20);

        assertEquals(Map.of("group:g1:member", true), sources(stored("group:g2:member:user:alice")));
        assertEquals(Map.of("group:g2:member", false), sources(stored("group:g3:member:user:alice")));
        assertEquals(Map.of("group:g3:member", false), sources(stored("role:admin:assigned:user:alice")));
        // g1 reaches g3 and the role through g2, g2 reaches the role through g3
        assertTrue(store.grant("group:g3:member:group:g1").isPresent());
        assertTrue(store.grant("role:admin:assigned:group:g1").isPresent());
        assertEquals(3, result.depth());
    }

    @Test
    void aCycleIsCollapsedAndEveryMemberFlowsOutOfIt() throws SyncException {
        Resource g1 = group("g1");
        Resource g2 = group("g2");
        world(List.of(alice, bob, g1, g2, admin));
        grants(
                grant(member(g1), alice.getId()),
                grant(member(g2), bob.getId()),
                expandable(grant(member(g1), g2.getId()), "group:g2:member"),
                expandable(grant(member(g2), g1.getId()), "group:g1:member"),
                expandable(grant(assigned(admin), g2.getId()), "group:g2:member"));

        ExpansionResult result = expand(20);

        assertEquals(1, result.collapsedCycles());
        assertEquals(1, result.depth());
        assertTrue(store.grant("role:admin:assigned:user:alice").isPresent(), "g1's member reaches the role");
        assertTrue(store.grant("role:admin:assigned:user:bob").isPresent(), "g2's member reaches the role");
        // as in the SDK, nothing flows between the members of a collapsed cycle
        assertFalse(store.grant("group:g2:member:user:alice").isPresent());
        assertFalse(store.grant("group:g1:member:user:bob").isPresent());
    }

    @Test
    void aShallowEdgePassesOnlyDirectHolders() throws SyncException {
        Resource inner = group("inner");
        world(List.of(alice, bob, inner, eng, admin));
        grants(
                grant(member(inner), alice.getId()),
                grant(member(eng), bob.getId()),
                expandable(grant(member(eng), inner.getId()), "group:inner:member"),
                expandable(grant(assigned(admin), eng.getId()), true, List.of(), "group:eng:member"));

        expand(20);

        assertTrue(store.grant("group:eng:member:user:alice").isPresent(), "alice is an indirect member of eng");
        assertTrue(store.grant("role:admin:assigned:user:bob").isPresent(), "bob is a direct member");
        assertFalse(store.grant("role:admin:assigned:user:alice").isPresent(), "the shallow edge stops alice");
    }

    @Test
    void resourceTypeIdsLimitWhichPrincipalsPropagate() throws SyncException {
        Resource inner = group("inner");
        world(List.of(alice, inner, eng, admin));
        grants(
                grant(member(eng), alice.getId()),
                grant(member(eng), inner.getId()),
                expandable(grant(assigned(admin), eng.getId()), false, List.of("user"), "group:eng:member"));

        expand(20);

        assertTrue(store.grant("role:admin:assigned:user:alice").isPresent());
        assertFalse(store.grant("role:admin:assigned:group:inner").isPresent());
    }

    @Test
    void anExistingDirectGrantGetsASelfEntryAndTheSourceButStaysMutable() throws SyncException {
        world(List.of(alice, eng, admin));
        Grant direct = grant(assigned(admin), alice.getId()).toBuilder()
                .setId("custom-id-of-alice-on-admin")
                .build();
        grants(
                direct,
                grant(member(eng), alice.getId()),
                expandable(grant(assigned(admin), eng.getId()), "group:eng:member"));

        ExpansionResult result = expand(20);

        Grant updated = stored("custom-id-of-alice-on-admin");
        assertEquals(Map.of("role:admin:assigned", true, "group:eng:member", true), sources(updated));
        assertFalse(immutable(updated));
        assertFalse(store.grant("role:admin:assigned:user:alice").isPresent(), "no second grant for (D, P)");
        assertEquals(0, result.grantsCreated());
        assertEquals(1, result.grantsUpdated());
    }

    @Test
    void aDirectSourceUpgradesAnIndirectOne() throws SyncException {
        Resource inner = group("inner");
        world(List.of(alice, inner, eng, admin));
        // alice reaches eng both directly and through inner; eng's grant to the role must say direct
        grants(
                grant(member(inner), alice.getId()),
                grant(member(eng), alice.getId()),
                expandable(grant(member(eng), inner.getId()), "group:inner:member"),
                expandable(grant(assigned(admin), eng.getId()), "group:eng:member"));

        expand(20);

        assertEquals(
                Map.of("group:eng:member", true, "group:inner:member", true),
                sources(stored("group:eng:member:user:alice")));
        assertEquals(Map.of("group:eng:member", true), sources(stored("role:admin:assigned:user:alice")));
    }

    @Test
    void aChainLongerThanTheDepthLimitFails() {
        List<Resource> groups = new ArrayList<>();
        for (int index = 0; index <= 21; index++) {
            groups.add(group("g" + index));
        }
        List<Resource> resources = new ArrayList<>(groups);
        resources.add(alice);
        world(resources);
        grants(grant(member(groups.get(0)), alice.getId()));
        for (int index = 1; index < groups.size(); index++) {
            grants(expandable(
                    grant(member(groups.get(index)), groups.get(index - 1).getId()),
                    member(groups.get(index - 1)).getId()));
        }

        SyncException error = assertThrows(SyncException.class, () -> expand(20));
        assertTrue(error.getMessage().contains("21 levels deep"), error.getMessage());
        assertTrue(error.getMessage().contains("limit of 20"), error.getMessage());
    }

    @Test
    void aChainAsLongAsTheDepthLimitExpands() throws SyncException {
        List<Resource> groups = new ArrayList<>();
        for (int index = 0; index <= 20; index++) {
            groups.add(group("g" + index));
        }
        List<Resource> resources = new ArrayList<>(groups);
        resources.add(alice);
        world(resources);
        grants(grant(member(groups.get(0)), alice.getId()));
        for (int index = 1; index < groups.size(); index++) {
            grants(expandable(
                    grant(member(groups.get(index)), groups.get(index - 1).getId()),
                    member(groups.get(index - 1)).getId()));
        }

        ExpansionResult result = expand(20);

        assertEquals(20, result.depth());
        assertTrue(store.grant("group:g20:member:user:alice").isPresent());
    }

    @Test
    void aSourceEntitlementOfAnotherResourceThanThePrincipalFailsNamingTheGrant() {
        world(List.of(alice, eng, all, admin));
        grants(expandable(grant(assigned(admin), eng.getId()), "group:all:member"));

        SyncException error = assertThrows(SyncException.class, () -> expand(20));
        assertTrue(error.getMessage().contains("role:admin:assigned:group:eng"), error.getMessage());
    }

    @Test
    void anEdgeFromAMissingEntitlementIsDroppedWithAWarning() throws SyncException {
        world(List.of(alice, eng, admin));
        grants(expandable(grant(assigned(admin), eng.getId()), "group:eng:owner"));

        ExpansionResult result = expand(20);

        assertEquals(1, result.droppedEdges());
        assertEquals(0, result.edges());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("group:eng:owner"), warnings.get(0));
    }

    @Test
    void sourcesAreSerializedIndependentlyOfInsertionOrder() throws SyncException {
        Resource inner = group("inner");
        world(List.of(alice, inner, eng, admin));
        grants(
                grant(member(inner), alice.getId()),
                grant(member(eng), alice.getId()),
                expandable(grant(assigned(admin), inner.getId()), "group:inner:member"),
                expandable(grant(assigned(admin), eng.getId()), "group:eng:member"));

        expand(20);

        GrantSources sources = stored("role:admin:assigned:user:alice").getSources();
        assertEquals(
                List.of("group:eng:member", "group:inner:member"),
                new ArrayList<>(new TreeMap<>(sources.getSourcesMap()).keySet()));
    }

    @Test
    void thePrincipalOfAnExpandedGrantDoesNotDependOnRowOrder() throws SyncException {
        Grant byId = grant(member(eng), alice.getId()).toBuilder()
                .setId("membership-1")
                .build();
        Grant full = byId.toBuilder().setId("membership-2").setPrincipal(alice).build();
        Grant roleGrant = expandable(grant(assigned(admin), eng.getId()), "group:eng:member");
        world(List.of(alice, eng, admin));
        grants(byId, full, roleGrant);
        InMemorySyncStore reversed = new InMemorySyncStore();
        reversed.putResources(store.resources());
        reversed.putEntitlements(store.entitlements());
        reversed.putGrants(List.of(full, byId, roleGrant));

        expand(20);
        new GrantExpander(reversed, warnings::add, 20, ExpansionProgress.none()).expand();

        Grant first = stored("role:admin:assigned:user:alice");
        assertEquals(alice, first.getPrincipal(), "the richer embedding wins");
        assertEquals(
                first,
                reversed.grant("role:admin:assigned:user:alice").orElseThrow().grant());
    }

    @Test
    void anExpandableGrantThatGetsSourcesKeepsItsExpansion() throws SyncException {
        Resource ops = group("ops");
        world(List.of(alice, ops, eng, all));
        grants(
                grant(member(ops), alice.getId()),
                expandable(grant(member(eng), ops.getId()), "group:ops:member"),
                expandable(grant(member(all), ops.getId()), "group:ops:member"),
                expandable(grant(member(all), eng.getId()), "group:eng:member"));

        expand(20);

        StoredGrant opsInAll = store.grant("group:all:member:group:ops").orElseThrow();
        assertEquals(Map.of("group:all:member", true, "group:eng:member", true), sources(opsInAll.grant()));
        assertTrue(opsInAll.isExpandable(), "the rewrite must not clear the expansion column");
        assertEquals(List.of("group:ops:member"), opsInAll.expandable().getEntitlementIdsList());
    }
}
