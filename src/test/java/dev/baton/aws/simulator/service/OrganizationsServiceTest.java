package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR;
import static dev.baton.aws.simulator.service.JsonWorld.MEMBER_CALLER;
import static dev.baton.aws.simulator.service.JsonWorld.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrganizationsServiceTest {
    private final OrganizationsService service = new OrganizationsService(new JsonWorld().state);

    @Test
    void listAccountsPagesWithTheWorldPageSizeToTheLastPage() {
        List<String> ids = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = call(
                    service, CONNECTOR, "ListAccounts", token == null ? "{}" : "{\"NextToken\":\"" + token + "\"}");
            page.get("Accounts").forEach(account -> ids.add(account.get("Id").asText()));
            pageSizes.add(page.get("Accounts").size());
            token = page.path("NextToken").isMissingNode()
                    ? null
                    : page.get("NextToken").asText();
        } while (token != null);
        assertEquals(List.of("111111111111", "222222222222", "333333333333", "444444444444"), ids);
        assertEquals(List.of(2, 2), pageSizes);
    }

    @Test
    void describeAccountCarriesStatusArnAndEpochSecondsJoinDate() {
        JsonNode account = call(service, CONNECTOR, "DescribeAccount", "{\"AccountId\":\"333333333333\"}")
                .get("Account");
        assertEquals("SUSPENDED", account.get("Status").asText());
        assertEquals("old", account.get("Name").asText());
        assertEquals("old@example.com", account.get("Email").asText());
        assertEquals(
                "arn:aws:organizations::111111111111:account/o-json12345/333333333333",
                account.get("Arn").asText());
        assertEquals(true, account.get("JoinedTimestamp").isNumber());
    }

    @Test
    void unknownAccountIsAccountNotFound() {
        AwsFault fault = assertThrows(
                AwsFault.class, () -> call(service, CONNECTOR, "DescribeAccount", "{\"AccountId\":\"999999999999\"}"));
        assertEquals("AccountNotFoundException", fault.code());
        assertEquals(400, fault.httpStatus());
    }

    @Test
    void memberAccountIsDeniedButMayDescribeTheOrganization() {
        AwsFault fault = assertThrows(AwsFault.class, () -> call(service, MEMBER_CALLER, "ListAccounts", "{}"));
        assertEquals("AccessDeniedException", fault.code());
        JsonNode organization =
                call(service, MEMBER_CALLER, "DescribeOrganization", "{}").get("Organization");
        assertEquals("o-json12345", organization.get("Id").asText());
        assertEquals("111111111111", organization.get("MasterAccountId").asText());
        assertEquals("mgmt@example.com", organization.get("MasterAccountEmail").asText());
    }

    @Test
    void worldWithoutOrganizationAnswersNotInUse() {
        var standalone = new OrganizationsService(new JsonWorld(tree -> tree.remove("organization")).state);
        for (String action : List.of("ListAccounts", "DescribeOrganization", "ListRoots")) {
            AwsFault fault = assertThrows(AwsFault.class, () -> call(standalone, CONNECTOR, action, "{}"));
            assertEquals("AWSOrganizationsNotInUseException", fault.code(), action);
        }
    }

    @Test
    void treeIsWalkedFromRootsThroughOrganizationalUnits() {
        JsonNode roots = call(service, CONNECTOR, "ListRoots", "{}").get("Roots");
        assertEquals("r-js12", roots.get(0).get("Id").asText());
        assertEquals(
                "arn:aws:organizations::111111111111:root/o-json12345/r-js12",
                roots.get(0).get("Arn").asText());
        JsonNode units = call(service, CONNECTOR, "ListOrganizationalUnitsForParent", "{\"ParentId\":\"r-js12\"}");
        assertEquals(
                "ou-js12-11111111",
                units.get("OrganizationalUnits").get(0).get("Id").asText());
        assertEquals(
                "Sandbox", units.get("OrganizationalUnits").get(1).get("Name").asText());
        JsonNode nested = call(
                        service, CONNECTOR, "ListOrganizationalUnitsForParent", "{\"ParentId\":\"ou-js12-11111111\"}")
                .get("OrganizationalUnits");
        assertEquals(
                "arn:aws:organizations::111111111111:ou/o-json12345/ou-js12-22222222",
                nested.get(0).get("Arn").asText());
    }

    @Test
    void listParentsNamesTheParentKind() {
        JsonNode ofAccount = call(service, CONNECTOR, "ListParents", "{\"ChildId\":\"222222222222\"}")
                .get("Parents");
        assertEquals("ou-js12-22222222", ofAccount.get(0).get("Id").asText());
        assertEquals("ORGANIZATIONAL_UNIT", ofAccount.get(0).get("Type").asText());
        JsonNode ofManagement = call(service, CONNECTOR, "ListParents", "{\"ChildId\":\"111111111111\"}")
                .get("Parents");
        assertEquals("ROOT", ofManagement.get(0).get("Type").asText());
        JsonNode ofUnit = call(service, CONNECTOR, "ListParents", "{\"ChildId\":\"ou-js12-22222222\"}")
                .get("Parents");
        assertEquals("ou-js12-11111111", ofUnit.get(0).get("Id").asText());
        AwsFault fault = assertThrows(
                AwsFault.class, () -> call(service, CONNECTOR, "ListParents", "{\"ChildId\":\"555555555555\"}"));
        assertEquals("ChildNotFoundException", fault.code());
    }

    @Test
    void listAccountsForParentHonoursMaxResults() {
        JsonNode page = call(
                service, CONNECTOR, "ListAccountsForParent", "{\"ParentId\":\"ou-js12-33333333\",\"MaxResults\":1}");
        assertEquals("444444444444", page.get("Accounts").get(0).get("Id").asText());
        assertFalse(page.has("NextToken"));
        AwsFault fault = assertThrows(
                AwsFault.class, () -> call(service, CONNECTOR, "ListAccountsForParent", "{\"ParentId\":\"ou-nope\"}"));
        assertEquals("ParentNotFoundException", fault.code());
    }

    @Test
    void badTokenAndMaxResultsAreInvalidInput() {
        assertEquals(
                "InvalidInputException",
                assertThrows(
                                AwsFault.class,
                                () -> call(service, CONNECTOR, "ListAccounts", "{\"NextToken\":\"garbage\"}"))
                        .code());
        assertEquals(
                "InvalidInputException",
                assertThrows(AwsFault.class, () -> call(service, CONNECTOR, "ListAccounts", "{\"MaxResults\":0}"))
                        .code());
    }
}
