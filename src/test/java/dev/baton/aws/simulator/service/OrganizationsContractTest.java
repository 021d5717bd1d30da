package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.MEMBER_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.RESTRICTED_KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.AccessDeniedException;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.AccountNotFoundException;
import software.amazon.awssdk.services.organizations.model.AccountStatus;
import software.amazon.awssdk.services.organizations.model.AwsOrganizationsNotInUseException;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.Organization;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.Parent;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;
import software.amazon.awssdk.services.organizations.model.ParentType;
import software.amazon.awssdk.services.organizations.model.Root;
import software.amazon.awssdk.services.organizations.model.TooManyRequestsException;

/** Organizations through the real SDK v2 client against the simulator. */
class OrganizationsContractTest {
    @RegisterExtension
    static final SimulatorExtension simulator = JsonWorld.simulator();

    private static OrganizationsClient organizations;

    @BeforeAll
    static void start() {
        organizations = simulator.organizations(CONNECTOR_KEY);
    }

    @Test
    void listAccountsPagesToTheLastPage() {
        ListAccountsResponse first = organizations.listAccounts(r -> {});
        assertEquals(2, first.accounts().size());
        assertNotNull(first.nextToken());
        ListAccountsResponse last = organizations.listAccounts(r -> r.nextToken(first.nextToken()));
        assertNull(last.nextToken());
        List<String> all = organizations.listAccountsPaginator(r -> {}).stream()
                .flatMap(page -> page.accounts().stream())
                .map(Account::id)
                .toList();
        assertEquals(List.of("111111111111", "222222222222", "333333333333", "444444444444"), all);
    }

    @Test
    void accountFieldsTheConnectorReads() {
        Account old =
                organizations.describeAccount(r -> r.accountId("333333333333")).account();
        assertEquals(AccountStatus.SUSPENDED, old.status());
        assertEquals("old", old.name());
        assertEquals("old@example.com", old.email());
        assertEquals("arn:aws:organizations::111111111111:account/o-json12345/333333333333", old.arn());
        assertNotNull(old.joinedTimestamp());
        assertThrows(
                AccountNotFoundException.class, () -> organizations.describeAccount(r -> r.accountId("999999999999")));
    }

    @Test
    void organizationTreeFromRootToNestedUnits() {
        Organization organization = organizations.describeOrganization(r -> {}).organization();
        assertEquals("o-json12345", organization.id());
        assertEquals("111111111111", organization.masterAccountId());
        Root root = organizations.listRoots(r -> {}).roots().get(0);
        assertEquals("r-js12", root.id());
        assertEquals("Root", root.name());
        List<OrganizationalUnit> units =
                organizations.listOrganizationalUnitsForParentPaginator(r -> r.parentId(root.id())).stream()
                        .flatMap(page -> page.organizationalUnits().stream())
                        .toList();
        assertEquals(
                List.of("Prod", "Sandbox"),
                units.stream().map(OrganizationalUnit::name).toList());
        assertEquals(
                "ou-js12-22222222",
                organizations
                        .listOrganizationalUnitsForParent(r -> r.parentId("ou-js12-11111111"))
                        .organizationalUnits()
                        .get(0)
                        .id());
        assertEquals(
                List.of("444444444444"),
                organizations.listAccountsForParent(r -> r.parentId("ou-js12-33333333")).accounts().stream()
                        .map(Account::id)
                        .toList());
        assertThrows(ParentNotFoundException.class, () -> organizations.listAccountsForParent(r -> r.parentId("ou-x")));
    }

    @Test
    void listParentsTellsRootFromUnit() {
        Parent ofProd = organizations
                .listParents(r -> r.childId("222222222222"))
                .parents()
                .get(0);
        assertEquals(ParentType.ORGANIZATIONAL_UNIT, ofProd.type());
        assertEquals("ou-js12-22222222", ofProd.id());
        assertEquals(
                ParentType.ROOT,
                organizations
                        .listParents(r -> r.childId("111111111111"))
                        .parents()
                        .get(0)
                        .type());
        assertThrows(ChildNotFoundException.class, () -> organizations.listParents(r -> r.childId("555555555555")));
    }

    @Test
    void maxResultsIsCappedAtTwenty() {
        try (SimulatorExtension big = JsonWorld.simulator(tree -> {
                    ArrayNode accounts = (ArrayNode) tree.get("accounts");
                    for (int i = 0; i < 25; i++) {
                        accounts.addObject()
                                .put("id", String.format("5000000000%02d", i))
                                .put("name", "a" + i)
                                .put("email", "a" + i + "@example.com");
                    }
                })
                .start()) {
            var page = big.organizations(CONNECTOR_KEY).listAccounts(r -> r.maxResults(20));
            assertEquals(20, page.accounts().size());
            assertNotNull(page.nextToken());
        }
    }

    @Test
    void accessDeniedForMemberAccountsAndDeniedActions() {
        try (OrganizationsClient member = simulator.organizations(MEMBER_KEY);
                OrganizationsClient restricted = simulator.organizations(RESTRICTED_KEY)) {
            AccessDeniedException denied =
                    assertThrows(AccessDeniedException.class, () -> member.listAccounts(r -> {}));
            assertEquals(400, denied.statusCode());
            assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
            assertEquals(
                    "o-json12345",
                    member.describeOrganization(r -> {}).organization().id());
            assertThrows(AccessDeniedException.class, () -> restricted.listParents(r -> r.childId("222222222222")));
            assertEquals(
                    4,
                    restricted.listAccountsPaginator(r -> {}).stream()
                            .mapToLong(page -> page.accounts().size())
                            .sum());
        }
    }

    @Test
    void standaloneAccountIsNotInUse() {
        try (SimulatorExtension standalone = JsonWorld.simulator(tree -> {
                    tree.remove("organization");
                    ((ArrayNode) tree.get("accounts")).forEach(account -> ((ObjectNode) account).remove("parentId"));
                })
                .start()) {
            assertThrows(
                    AwsOrganizationsNotInUseException.class,
                    () -> standalone.organizations(CONNECTOR_KEY).listAccounts(r -> {}));
        }
    }

    @Test
    void overTheRateIsTooManyRequests() {
        try (SimulatorExtension throttled =
                JsonWorld.withRate("organizations", 1).start()) {
            OrganizationsClient client = throttled.organizations(CONNECTOR_KEY);
            client.listRoots(r -> {});
            TooManyRequestsException exception =
                    assertThrows(TooManyRequestsException.class, () -> client.listRoots(r -> {}));
            assertEquals(true, exception.isThrottlingException());
        }
    }
}
