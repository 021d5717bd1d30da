package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.world.SparseMode;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.identitystore.model.ListUsersRequest;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;

/**
 * Sparse replies through the real SDK v2 clients: members AWS's model marks required always arrive, the others
 * come back null (or as an absent list) in {@code all} mode, and {@code random} mode leaves out the same members on
 * every run with the same seed.
 */
class SparseResponseContractTest {
    private static final String CONNECTOR_SECRET = "connector-secret";

    private static SimulatorExtension iamWorld(SparseMode mode, long seed) {
        return SimulatorExtension.ofResource(SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                .iamAndStsOnly()
                .sparse(mode, seed)
                .start();
    }

    private static Consumer<ObjectNode> sparse(String mode, long seed) {
        return tree -> tree.putObject("faults").put("sparse", mode).put("sparseSeed", seed);
    }

    @Test
    void iamUsersKeepOnlyRequiredMembersAndTheLastPageDropsIsTruncated() {
        try (SimulatorExtension fixture = iamWorld(SparseMode.ALL, 1);
                IamClient iam = fixture.iam(JsonWorld.CONNECTOR_KEY, CONNECTOR_SECRET)) {
            List<ListUsersResponse> pages = iam.listUsersPaginator().stream().toList();
            assertTrue(pages.size() > 1, "the world pages IAM by 2");
            ListUsersResponse last = pages.get(pages.size() - 1);
            assertNull(last.isTruncated(), "IsTruncated is not required and false on the last page");
            assertNull(last.marker());
            User alice = pages.stream()
                    .flatMap(p -> p.users().stream())
                    .filter(u -> u.userName().equals("alice"))
                    .findFirst()
                    .orElseThrow();
            assertNotNull(alice.arn());
            assertNotNull(alice.userId());
            assertEquals("/staff/", alice.path());
            assertNotNull(alice.createDate());
            assertNull(alice.passwordLastUsed(), "PasswordLastUsed is optional in the model");

            ListUsersResponse first = iam.listUsers(r -> r.maxItems(1));
            assertEquals(1, first.users().size());
            assertTrue(first.isTruncated(), "a page with a next page still says so");
            assertNotNull(first.marker(), "a page with a next page still carries the marker");
        }
    }

    @Test
    void fullRepliesStillSendEveryMember() {
        try (SimulatorExtension fixture = iamWorld(SparseMode.NONE, 1);
                IamClient iam = fixture.iam(JsonWorld.CONNECTOR_KEY, CONNECTOR_SECRET)) {
            List<ListUsersResponse> pages = iam.listUsersPaginator().stream().toList();
            assertEquals(Boolean.FALSE, pages.get(pages.size() - 1).isTruncated());
            User alice = pages.stream()
                    .flatMap(p -> p.users().stream())
                    .filter(u -> u.userName().equals("alice"))
                    .findFirst()
                    .orElseThrow();
            assertNotNull(alice.passwordLastUsed());
        }
    }

    @Test
    void iamNestedStructuresAndOptionalScalarsAreLeftOutButFilledListsStay() {
        try (SimulatorExtension fixture = iamWorld(SparseMode.ALL, 1);
                IamClient iam = fixture.iam(JsonWorld.CONNECTOR_KEY, CONNECTOR_SECRET)) {
            String roleName = iam.listRoles().roles().get(0).roleName();
            Role role = iam.getRole(r -> r.roleName(roleName)).role();
            assertNotNull(role.arn());
            assertNotNull(role.roleId());
            assertNull(role.assumeRolePolicyDocument(), "the trust policy is optional in the model");
            assertNull(role.maxSessionDuration());
            assertNull(role.roleLastUsed());
            var details = iam.getAccountAuthorizationDetails();
            assertTrue(
                    details.userDetailList().stream()
                            .anyMatch(u -> !u.groupList().isEmpty()),
                    "lists that hold something are kept");
            assertTrue(details.userDetailList().stream().allMatch(u -> u.createDate() == null));
        }
    }

    @Test
    void organizationsAccountsKeepOnlyTheirIdentifiersAndStateAndPagesKeepTheirToken() {
        try (SimulatorExtension sim = JsonWorld.simulator(sparse("all", 1)).start();
                var organizations = sim.organizations(JsonWorld.CONNECTOR_KEY)) {
            ListAccountsResponse page = organizations.listAccounts(r -> r.maxResults(1));
            assertEquals(1, page.accounts().size());
            Account account = page.accounts().get(0);
            assertNotNull(account.id(), "identifiers are kept although Organizations marks none required");
            assertNotNull(account.arn());
            assertNotNull(account.statusAsString(), "states are kept");
            assertNull(account.name(), "Organizations marks no member of Account required");
            assertNull(account.email());
            assertNull(account.joinedTimestamp());
            assertNotNull(page.nextToken(), "a page with a next page keeps its token");
        }
        try (SimulatorExtension sim = JsonWorld.simulator().start();
                var organizations = sim.organizations(JsonWorld.CONNECTOR_KEY)) {
            assertNotNull(organizations.listAccounts().accounts().get(0).id());
        }
    }

    @Test
    void identityStoreUsersKeepTheirIdsAndLoseTheirNames() {
        try (SimulatorExtension sim = JsonWorld.simulator(sparse("all", 1)).start();
                var store = sim.identityStore(JsonWorld.CONNECTOR_KEY)) {
            var users = store.listUsers(ListUsersRequest.builder()
                            .identityStoreId(JsonWorld.STORE)
                            .build())
                    .users();
            assertFalse(users.isEmpty());
            users.forEach(user -> {
                assertNotNull(user.userId());
                assertNotNull(user.identityStoreId());
                assertNull(user.userName(), "UserName is optional in the model");
                assertNull(user.displayName());
            });
        }
    }

    @Test
    void randomModeIsDeterministicPerSeedAndLeavesOutSomeButNotAll() {
        List<String> first = randomUsers(7);
        assertEquals(first, randomUsers(7), "the same seed leaves out the same members");
        assertNotEquals(first, randomUsers(8), "another seed leaves out others");
        String all = String.join("\n", first);
        assertTrue(all.contains("path=null") && all.contains("path=/"), all);
    }

    /** Each user of the IAM world as its members, null where the reply left one out. */
    private static List<String> randomUsers(long seed) {
        try (SimulatorExtension fixture = iamWorld(SparseMode.RANDOM, seed);
                IamClient iam = fixture.iam(JsonWorld.CONNECTOR_KEY, CONNECTOR_SECRET)) {
            return iam.getAccountAuthorizationDetails().userDetailList().stream()
                    .map(u -> u.userName()
                            + " path=" + u.path() + " id=" + u.userId() + " created=" + u.createDate() + " arn="
                            + u.arn()
                            + " boundary=" + u.permissionsBoundary())
                    .toList();
        }
    }

    @Test
    void stsRepliesKeepTheCallerAndTheCredentials() {
        try (SimulatorExtension fixture = SimulatorExtension.ofResource(
                        SimulatorExtension.SIMULATOR_WORLDS + "sts-world.json")
                .iamAndStsOnly()
                .sparse(SparseMode.ALL, 1)
                .start()) {
            StsClient sts = fixture.sts(AwsBasicCredentials.create("AKIACONNECTOR0000001", "s1"));
            var identity = sts.getCallerIdentity();
            assertNotNull(identity.account(), "the reply's own members are kept");
            assertNotNull(identity.arn());
            AssumeRoleResponse response = sts.assumeRole(
                    r -> r.roleArn("arn:aws:iam::111111111111:role/ByStar").roleSessionName("sparse"));
            assertNotNull(response.credentials().accessKeyId());
            assertNotNull(response.credentials().sessionToken());
            assertNotNull(response.credentials().expiration());
            assertNotNull(response.assumedRoleUser().arn());
            assertNull(response.packedPolicySize());
        }
    }
}
