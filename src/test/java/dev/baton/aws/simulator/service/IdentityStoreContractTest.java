package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.MEMBER_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.RESTRICTED_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.ConflictException;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.Filter;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListUsersResponse;
import software.amazon.awssdk.services.identitystore.model.MemberId;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.UserStatus;

/** Identity Store through the real SDK v2 client against the simulator. */
class IdentityStoreContractTest {
    @RegisterExtension
    final SimulatorExtension simulator = JsonWorld.simulator();

    private IdentitystoreClient store;

    @BeforeEach
    void client() {
        store = simulator.identityStore(CONNECTOR_KEY);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void usersPageToTheLastPageWithProfileFields() {
        ListUsersResponse first = store.listUsers(r -> r.identityStoreId(STORE));
        assertNotNull(first.nextToken());
        ListUsersResponse last = store.listUsers(r -> r.identityStoreId(STORE).nextToken(first.nextToken()));
        assertNull(last.nextToken());
        assertEquals(
                List.of("u-carol", "u-dave", "u-erin"),
                store.listUsersPaginator(r -> r.identityStoreId(STORE)).users().stream()
                        .map(User::userId)
                        .toList());
        User carol = first.users().get(0);
        assertEquals("carol@example.com", carol.userName());
        assertEquals("Carol C", carol.displayName());
        assertEquals("Carol", carol.name().givenName());
        assertEquals("C", carol.name().familyName());
        assertEquals("carol@example.com", carol.emails().get(0).value());
        assertTrue(carol.emails().get(0).primary());
        assertEquals("okta", carol.externalIds().get(0).issuer());
        assertEquals("00u1", carol.externalIds().get(0).id());
        assertEquals(UserStatus.DISABLED, first.users().get(1).userStatus());
        assertEquals(
                "Dave D",
                store.describeUser(r -> r.identityStoreId(STORE).userId("u-dave"))
                        .displayName());
        assertThrows(
                ResourceNotFoundException.class,
                () -> store.describeUser(r -> r.identityStoreId(STORE).userId("u-x")));
    }

    @Test
    @SuppressWarnings("deprecation") // the Filters form the connector sends (SsoUserProvisioner.usersNamed)
    void userNameFilter() {
        List<User> found = store.listUsers(r -> r.identityStoreId(STORE)
                        .filters(Filter.builder()
                                .attributePath("UserName")
                                .attributeValue("erin")
                                .build()))
                .users();
        assertEquals(List.of("u-erin"), found.stream().map(User::userId).toList());
    }

    @Test
    void groupsAndMembershipsBothWays() {
        List<Group> groups = store.listGroupsPaginator(r -> r.identityStoreId(STORE)).groups().stream()
                .toList();
        assertEquals(
                List.of("Engineers", "Operators", "Nobody"),
                groups.stream().map(Group::displayName).toList());
        assertEquals(
                "all engineers",
                store.describeGroup(r -> r.identityStoreId(STORE).groupId("g-eng"))
                        .description());
        List<GroupMembership> engineers = store
                .listGroupMembershipsPaginator(r -> r.identityStoreId(STORE).groupId("g-eng"))
                .groupMemberships()
                .stream()
                .toList();
        assertEquals(
                List.of("u-carol", "u-dave", "u-erin"),
                engineers.stream().map(m -> m.memberId().userId()).toList());
        assertEquals(MemberId.Type.USER_ID, engineers.get(0).memberId().type());
        List<GroupMembership> ofCarol = store.listGroupMembershipsForMember(
                        r -> r.identityStoreId(STORE).memberId(MemberId.fromUserId("u-carol")))
                .groupMemberships();
        assertEquals(
                List.of("g-eng", "g-ops"),
                ofCarol.stream().map(GroupMembership::groupId).toList());
        assertEquals(engineers.get(0).membershipId(), ofCarol.get(0).membershipId());
        assertEquals(
                engineers.get(0).membershipId(),
                store.getGroupMembershipId(
                                r -> r.identityStoreId(STORE).groupId("g-eng").memberId(MemberId.fromUserId("u-carol")))
                        .membershipId());
        assertTrue(store.listGroupMemberships(r -> r.identityStoreId(STORE).groupId("g-empty"))
                .groupMemberships()
                .isEmpty());
    }

    @Test
    void membershipWritesConflictAndNotFoundAndShowInTheWorldFile() {
        MemberId erin = MemberId.fromUserId("u-erin");
        String id = store.createGroupMembership(
                        r -> r.identityStoreId(STORE).groupId("g-ops").memberId(erin))
                .membershipId();
        assertThrows(
                ConflictException.class,
                () -> store.createGroupMembership(
                        r -> r.identityStoreId(STORE).groupId("g-ops").memberId(erin)));
        assertTrue(opsMembersInWorldFile().contains("u-erin"));
        store.deleteGroupMembership(r -> r.identityStoreId(STORE).membershipId(id));
        assertFalse(opsMembersInWorldFile().contains("u-erin"));
        assertThrows(
                ResourceNotFoundException.class,
                () -> store.deleteGroupMembership(r -> r.identityStoreId(STORE).membershipId(id)));
        assertThrows(
                ResourceNotFoundException.class,
                () -> store.getGroupMembershipId(
                        r -> r.identityStoreId(STORE).groupId("g-ops").memberId(erin)));
    }

    @Test
    void createAndDeleteUser() {
        String userId = store.createUser(r -> r.identityStoreId(STORE)
                        .userName("frank@example.com")
                        .displayName("Frank F")
                        .name(n -> n.givenName("Frank").familyName("F"))
                        .emails(Email.builder()
                                .value("frank@example.com")
                                .type("work")
                                .primary(true)
                                .build()))
                .userId();
        var frank = store.describeUser(r -> r.identityStoreId(STORE).userId(userId));
        assertEquals("frank@example.com", frank.userName());
        assertEquals("Frank", frank.name().givenName());
        assertEquals(UserStatus.ENABLED, frank.userStatus());
        assertThrows(
                ConflictException.class,
                () -> store.createUser(r ->
                        r.identityStoreId(STORE).userName("frank@example.com").displayName("F")));
        assertTrue(simulator
                .worldFile()
                .get("identityCenter")
                .get("users")
                .toString()
                .contains("frank@example.com"));
        store.deleteUser(r -> r.identityStoreId(STORE).userId(userId));
        assertThrows(
                ResourceNotFoundException.class,
                () -> store.deleteUser(r -> r.identityStoreId(STORE).userId(userId)));
    }

    @Test
    void deletingAnAssignedGroupMemberLeavesALoadableWorldFile() {
        store.deleteUser(r -> r.identityStoreId(STORE).userId("u-carol"));
        World reloaded = new WorldLoader().load(simulator.worldFile());
        assertTrue(reloaded.identityCenter().user("u-carol").isEmpty());
        assertFalse(
                reloaded.identityCenter().group("g-ops").orElseThrow().members().contains("u-carol"));
        assertTrue(reloaded.identityCenter().assignments().stream()
                .noneMatch(a -> a.principalId().equals("u-carol")));
    }

    @Test
    void accessDeniedForOtherAccountsAndDeniedActions() {
        try (IdentitystoreClient member = simulator.identityStore(MEMBER_KEY);
                IdentitystoreClient restricted = simulator.identityStore(RESTRICTED_KEY)) {
            assertThrows(AccessDeniedException.class, () -> member.listGroups(r -> r.identityStoreId(STORE)));
            AccessDeniedException denied = assertThrows(
                    AccessDeniedException.class, () -> restricted.listUsers(r -> r.identityStoreId(STORE)));
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals(
                    3,
                    restricted.listGroupsPaginator(r -> r.identityStoreId(STORE)).groups().stream()
                            .count());
        }
    }

    private String opsMembersInWorldFile() {
        for (var group : simulator.worldFile().get("identityCenter").get("groups")) {
            if (group.get("id").asText().equals("g-ops")) {
                return group.get("members").toString();
            }
        }
        throw new AssertionError("group g-ops missing from the world file");
    }
}
