package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR;
import static dev.baton.aws.simulator.service.JsonWorld.MEMBER_CALLER;
import static dev.baton.aws.simulator.service.JsonWorld.STORE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.world.SsoUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdentityStoreServiceTest {
    private final JsonWorld world = new JsonWorld();
    private final IdentityStoreService service =
            new IdentityStoreService(world.state, new AccountAssignmentRequests(world.state));

    private JsonNode call(String action, String members) {
        return JsonWorld.call(service, CONNECTOR, action, "{\"IdentityStoreId\":\"" + STORE + "\"" + members + "}");
    }

    private AwsFault fault(String action, String members) {
        return assertThrows(AwsFault.class, () -> call(action, members));
    }

    @Test
    void listUsersPagesAndCarriesTheProfile() {
        JsonNode first = call("ListUsers", "");
        JsonNode last =
                call("ListUsers", ",\"NextToken\":\"" + first.get("NextToken").asText() + "\"");
        assertEquals(2, first.get("Users").size());
        assertFalse(last.has("NextToken"));
        JsonNode carol = first.get("Users").get(0);
        assertEquals("u-carol", carol.get("UserId").asText());
        assertEquals("carol@example.com", carol.get("UserName").asText());
        assertEquals("Carol C", carol.get("DisplayName").asText());
        assertEquals("Carol", carol.get("Name").get("GivenName").asText());
        assertEquals(
                "carol@example.com", carol.get("Emails").get(0).get("Value").asText());
        assertTrue(carol.get("Emails").get(0).get("Primary").asBoolean());
        assertEquals("okta", carol.get("ExternalIds").get(0).get("Issuer").asText());
        assertEquals("DISABLED", first.get("Users").get(1).get("UserStatus").asText());
        assertEquals(STORE, carol.get("IdentityStoreId").asText());
    }

    @Test
    void userNameFilterFindsOneUserIgnoringCase() {
        JsonNode found = call(
                        "ListUsers", ",\"Filters\":[{\"AttributePath\":\"UserName\",\"AttributeValue\":\"ERIN\"}]")
                .get("Users");
        assertEquals(1, found.size());
        assertEquals("u-erin", found.get(0).get("UserId").asText());
        assertEquals(
                "ValidationException",
                fault("ListUsers", ",\"Filters\":[{\"AttributePath\":\"Title\",\"AttributeValue\":\"x\"}]")
                        .code());
    }

    @Test
    void groupsAndDescribes() {
        JsonNode groups = call("ListGroups", ",\"MaxResults\":50").get("Groups");
        assertEquals(3, groups.size());
        assertEquals("all engineers", groups.get(0).get("Description").asText());
        assertEquals(
                "Operators",
                call("DescribeGroup", ",\"GroupId\":\"g-ops\"")
                        .get("DisplayName")
                        .asText());
        assertEquals(
                "Dave D",
                call("DescribeUser", ",\"UserId\":\"u-dave\"")
                        .get("DisplayName")
                        .asText());
        assertEquals(
                "ResourceNotFoundException",
                fault("DescribeUser", ",\"UserId\":\"u-nobody\"").code());
        assertEquals(
                "ResourceNotFoundException",
                fault("DescribeGroup", ",\"GroupId\":\"g-nobody\"").code());
    }

    @Test
    void membershipsAreListedBothWaysWithStableIds() {
        List<String> members = new ArrayList<>();
        String token = "";
        do {
            JsonNode page = call("ListGroupMemberships", ",\"GroupId\":\"g-eng\"" + token);
            page.get("GroupMemberships")
                    .forEach(m -> members.add(m.get("MemberId").get("UserId").asText()));
            token = page.has("NextToken")
                    ? ",\"NextToken\":\"" + page.get("NextToken").asText() + "\""
                    : null;
        } while (token != null);
        assertEquals(List.of("u-carol", "u-dave", "u-erin"), members);
        JsonNode forCarol = call("ListGroupMembershipsForMember", ",\"MemberId\":{\"UserId\":\"u-carol\"}")
                .get("GroupMemberships");
        assertEquals(2, forCarol.size());
        String id = call("GetGroupMembershipId", ",\"GroupId\":\"g-ops\",\"MemberId\":{\"UserId\":\"u-carol\"}")
                .get("MembershipId")
                .asText();
        assertEquals(id, forCarol.get(1).get("MembershipId").asText());
        assertEquals(
                id,
                new IdentityStoreService(new JsonWorld().state, new AccountAssignmentRequests(world.state))
                        .actions()
                        .get("GetGroupMembershipId")
                        .handle(
                                CONNECTOR,
                                JsonWorld.body("{\"IdentityStoreId\":\"" + STORE
                                        + "\",\"GroupId\":\"g-ops\",\"MemberId\":{\"UserId\":\"u-carol\"}}"))
                        .get("MembershipId")
                        .asText());
    }

    @Test
    void createThenDeleteMembershipChangesTheWorld() {
        String add = ",\"GroupId\":\"g-ops\",\"MemberId\":{\"UserId\":\"u-erin\"}";
        String id = call("CreateGroupMembership", add).get("MembershipId").asText();
        assertTrue(world.state
                .world()
                .identityCenter()
                .group("g-ops")
                .orElseThrow()
                .members()
                .contains("u-erin"));
        assertEquals("ConflictException", fault("CreateGroupMembership", add).code());
        assertEquals(id, call("GetGroupMembershipId", add).get("MembershipId").asText());

        call("DeleteGroupMembership", ",\"MembershipId\":\"" + id + "\"");
        assertFalse(world.state
                .world()
                .identityCenter()
                .group("g-ops")
                .orElseThrow()
                .members()
                .contains("u-erin"));
        assertEquals(
                "ResourceNotFoundException",
                fault("DeleteGroupMembership", ",\"MembershipId\":\"" + id + "\"")
                        .code());
        assertEquals(
                "ResourceNotFoundException", fault("GetGroupMembershipId", add).code());
    }

    @Test
    void createUserRejectsDuplicateNamesAndDeleteUserCleansUp() {
        String create = ",\"UserName\":\"frank@example.com\",\"DisplayName\":\"Frank F\","
                + "\"Name\":{\"GivenName\":\"Frank\",\"FamilyName\":\"F\"},"
                + "\"Emails\":[{\"Value\":\"frank@example.com\",\"Type\":\"work\",\"Primary\":true}]";
        String userId = call("CreateUser", create).get("UserId").asText();
        SsoUser frank = world.state.world().identityCenter().user(userId).orElseThrow();
        assertEquals("Frank", frank.givenName());
        assertEquals("ENABLED", frank.status());
        assertTrue(frank.emails().get(0).primary());
        assertEquals(
                "ConflictException",
                fault("CreateUser", ",\"UserName\":\"FRANK@example.com\"").code());

        call("DeleteUser", ",\"UserId\":\"u-carol\"");
        var identityCenter = world.state.world().identityCenter();
        assertTrue(identityCenter.user("u-carol").isEmpty());
        assertFalse(identityCenter.group("g-eng").orElseThrow().members().contains("u-carol"));
        assertTrue(identityCenter.assignments().stream()
                .noneMatch(a -> a.principalId().equals("u-carol")));
        assertEquals(
                "ResourceNotFoundException",
                fault("DeleteUser", ",\"UserId\":\"u-carol\"").code());
        assertNotEquals(userId, "u-carol");
    }

    @Test
    void concurrentCreatesOfOneMembershipYieldOneSuccessAndConflicts() throws Exception {
        String add = ",\"GroupId\":\"g-empty\",\"MemberId\":{\"UserId\":\"u-dave\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                outcomes.add(pool.submit(() -> {
                    try {
                        return call("CreateGroupMembership", add)
                                .get("MembershipId")
                                .asText();
                    } catch (AwsFault fault) {
                        return fault.code();
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> outcome : outcomes) {
                results.add(outcome.get(10, TimeUnit.SECONDS));
            }
            assertEquals(
                    15, results.stream().filter("ConflictException"::equals).count(), results.toString());
            assertEquals(
                    List.of("u-dave"),
                    world.state
                            .world()
                            .identityCenter()
                            .group("g-empty")
                            .orElseThrow()
                            .members());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherAccountsAndOtherStoresAreRefused() {
        AwsFault denied = assertThrows(
                AwsFault.class,
                () -> JsonWorld.call(service, MEMBER_CALLER, "ListUsers", "{\"IdentityStoreId\":\"" + STORE + "\"}"));
        assertEquals("AccessDeniedException", denied.code());
        AwsFault wrongStore = assertThrows(
                AwsFault.class,
                () -> JsonWorld.call(service, CONNECTOR, "ListUsers", "{\"IdentityStoreId\":\"d-0000000000\"}"));
        assertEquals("ResourceNotFoundException", wrongStore.code());
        assertEquals(
                "ValidationException",
                fault("ListUsers", ",\"NextToken\":\"not-ours\"").code());
    }
}
