package dev.baton.aws.connector.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.connector.iam.IamProvisioners;
import dev.baton.aws.connector.identitycenter.AssignmentPolling;
import dev.baton.aws.connector.identitycenter.IdentityCenterProvisioners;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.world.ConnectorAccess;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.ResourceProvisioner;
import dev.baton.aws.sync.InMemorySyncStore;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The write half of the policy's proof: with the policy {@code baton-aws policy -p} prints, every provisioning
 * scenario below succeeds (grants, revokes, account creation and deletion in the management account and in
 * Identity Center); without any single write action of the connector role, at least one scenario ends
 * differently. Each case runs on a fresh simulator, since the scenarios change the world, and runs the scenarios
 * that called the action with the whole policy (all of them when none did).
 */
class PolicyMinimalityProvisioningTest {
    private static final PermissionFeatures FEATURES = PolicyMinimalitySyncTest.features(true, true);
    private static final RequiredPermissions REQUIRED = PermissionCatalog.required(FEATURES);
    private static final String MANAGEMENT = EnforcedDemoWorld.MANAGEMENT;
    private static final String SUSPENDED = "assign on the suspended account";

    /** One provisioning action, run through the connector's provisioners, reduced to a comparable outcome. */
    private record Scenario(String name, Action action) {}

    @FunctionalInterface
    private interface Action {
        ProvisionResult run(Provisioners provisioners) throws Exception;
    }

    private static InMemorySyncStore synced;
    private static World initial;
    private static Map<String, String> baseline;
    /** The AWS operations each scenario called with the whole policy. */
    private static final Map<String, Set<String>> CALLS = new LinkedHashMap<>();

    @BeforeAll
    static void syncOnce() {
        initial = EnforcedDemoWorld.world(REQUIRED);
        synced = new InMemorySyncStore();
        try (Simulated aws = new Simulated()) {
            assertNull(
                    PolicySyncRun.run(aws.server, aws.access, FEATURES, synced).failure());
        }
        baseline = run(scenarios(), Set.of());
    }

    @AfterAll
    static void close() {
        synced.close();
    }

    @Test
    void theGeneratedPolicyAllowsEveryScenario() {
        baseline.forEach((name, outcome) -> assertTrue(
                outcome.startsWith(
                        name.equals(SUSPENDED)
                                ? "failed: baton-aws: account 555566667777 is not active, status: SUSPENDED"
                                : "ok"),
                name + ": " + outcome));
        assertEquals(scenarios().size(), baseline.size());
    }

    @TestFactory
    Stream<DynamicTest> withoutAnyOneWriteActionAScenarioEndsDifferently() {
        return REQUIRED.connectorRole().stream()
                .filter(Permission::write)
                .map(permission -> DynamicTest.dynamicTest("without " + permission.action(), () -> {
                    // the scenarios that called the action; all of them for an action AWS checks implicitly
                    // (iam:TagUser is checked on CreateUser with tags, so no call is named after it)
                    List<Scenario> callers = scenarios().stream()
                            .filter(scenario -> CALLS.get(scenario.name()).contains(permission.action()))
                            .toList();
                    Map<String, String> outcomes =
                            run(callers.isEmpty() ? scenarios() : callers, Set.of(permission.action()));
                    Map<String, String> expected = new LinkedHashMap<>(baseline);
                    expected.keySet().retainAll(outcomes.keySet());
                    assertNotEquals(
                            expected,
                            outcomes,
                            permission.action() + " is in the policy, but every" + " scenario ended as with it ("
                                    + permission.loss() + ")");
                }));
    }

    private static Map<String, String> run(List<Scenario> scenarios, Set<String> removed) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        try (Simulated aws = new Simulated()) {
            EnforcedDemoWorld.allow(aws.state, REQUIRED, removed);
            try (DefaultAwsClients clients = PolicySyncRun.clients(aws.server, aws.access, FEATURES)) {
                List<ResourceProvisioner> all =
                        new ArrayList<>(IamProvisioners.create(clients, FEATURES.accountCreationType()));
                // polls every 50 ms instead of every second: the simulator finishes an assignment in 200 ms
                all.addAll(IdentityCenterProvisioners.create(
                        clients,
                        new IdentityCenterProvisioners.Settings(
                                FEATURES.organization().ssoRegion(),
                                FEATURES.accountCreationType(),
                                null,
                                new AssignmentPolling(
                                        Clock.systemUTC(),
                                        duration -> Thread.sleep(duration.toMillis()),
                                        Duration.ofMillis(50),
                                        Duration.ofSeconds(30)))));
                Provisioners provisioners = new Provisioners(all, aws.state);
                for (Scenario scenario : scenarios) {
                    Map<String, Long> before = aws.server.stats().snapshot().calls();
                    outcomes.put(scenario.name(), outcome(scenario, provisioners));
                    if (removed.isEmpty()) {
                        Map<String, Long> after = aws.server.stats().snapshot().calls();
                        CALLS.put(
                                scenario.name(),
                                after.keySet().stream()
                                        .filter(op -> after.get(op) > before.getOrDefault(op, 0L))
                                        .collect(java.util.stream.Collectors.toSet()));
                    }
                }
            } catch (dev.baton.aws.aws.AwsCallException e) {
                throw new AssertionError(e);
            }
        }
        return outcomes;
    }

    private static String outcome(Scenario scenario, Provisioners provisioners) {
        int before = provisioners.assignments();
        try {
            ProvisionResult result = scenario.action().run(provisioners);
            List<String> annotations = result.annotations().stream()
                    .map(Any::getTypeUrl)
                    .map(url -> url.substring(url.lastIndexOf('.') + 1))
                    .filter(type -> !type.equals("RequestId"))
                    .toList();
            // finished assignment changes show right away only when the status polling waited for them
            return "ok " + result.grants().size() + " grants " + annotations + " assignments "
                    + (provisioners.assignments() - before);
        } catch (Exception e) {
            return "failed: " + e.getMessage();
        }
    }

    /** In an order where no scenario depends on an earlier one. */
    private static List<Scenario> scenarios() {
        String admins = "arn:aws:iam::" + MANAGEMENT + ":group/Admins";
        String developers = "arn:aws:iam::" + MANAGEMENT + ":group/eng/Developers";
        String okta = "arn:aws:iam::" + MANAGEMENT + ":role/federated/OktaAdmins";
        String user = "arn:aws:iam::" + MANAGEMENT + ":user/staff/";
        String readOnly = "iam_policy:arn:aws:iam::aws:policy/ReadOnlyAccess:attached";
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(new Scenario(
                "add bob to Admins",
                p -> p.grant("group:" + admins + ":member", p.resource("iam_user", user + "bob"))));
        scenarios.add(new Scenario(
                "remove alice from Admins", p -> p.revoke("group:" + admins + ":member:iam_user:" + user + "alice")));
        scenarios.add(new Scenario(
                "attach ReadOnlyAccess to bob", p -> p.grant(readOnly, p.resource("iam_user", user + "bob"))));
        scenarios.add(
                new Scenario("attach ReadOnlyAccess to Admins", p -> p.grant(readOnly, p.resource("group", admins))));
        scenarios.add(
                new Scenario("attach ReadOnlyAccess to OktaAdmins", p -> p.grant(readOnly, p.resource("role", okta))));
        for (String grantId : List.of(
                "iam_policy:arn:aws:iam::" + MANAGEMENT + ":policy/DeployPipeline:attached:iam_user:" + user + "bob",
                readOnly + ":group:" + developers,
                "iam_policy:arn:aws:iam::aws:policy/AdministratorAccess:attached:role:" + okta,
                "inline_policy:" + user + "alice::inline::billing-read:attached:iam_user:" + user + "alice",
                "inline_policy:" + developers + "::inline::dev-sandbox:attached:group:" + developers,
                "inline_policy:" + okta + "::inline::okta-extra:attached:role:" + okta)) {
            scenarios.add(new Scenario("revoke " + grantId, p -> p.revoke(grantId)));
        }
        scenarios.add(new Scenario(
                "create IAM user jdoe",
                p -> p.<AccountCreator>of("iam_user")
                        .createAccount("jdoe", "jdoe@example.com", Struct.getDefaultInstance())));
        scenarios.add(new Scenario(
                "delete IAM user leaver",
                p -> p.<ResourceDeleter>of("iam_user").delete(Ids.resourceId("iam_user", user + "leaver"), null)));
        scenarios.add(new Scenario(
                "assign a permission set",
                p -> p.grant(accountEntitlement(p, "444455556666"), p.firstResource("sso_user"))));
        scenarios.add(new Scenario(
                SUSPENDED, p -> p.grantOnSuspendedAccount(accountEntitlement(p, "444455556666"), "555566667777")));
        scenarios.add(new Scenario(
                "remove a permission-set assignment",
                p -> p.revoke(g -> g.getEntitlement().getId().contains("|")
                        && g.getPrincipal().getId().getResourceType().equals("sso_group"))));
        scenarios.add(new Scenario("add a user to an Identity Center group", p -> p.grantNew("sso_group", "sso_user")));
        scenarios.add(new Scenario("add a member again", p -> p.grantExisting("sso_group")));
        scenarios.add(new Scenario(
                "remove a member", p -> p.revoke(g -> g.getEntitlement().getId().startsWith("sso_group:"))));
        scenarios.add(new Scenario(
                "delete an Identity Center user",
                p -> p.<ResourceDeleter>of("sso_user")
                        .delete(p.firstResource("sso_user").getId(), null)));
        return scenarios;
    }

    private static String accountEntitlement(Provisioners p, String accountId) {
        return synced.entitlements().stream()
                .map(Entitlement::getId)
                .filter(id -> id.startsWith(accountId + "|"))
                .findFirst()
                .orElseThrow();
    }

    /** The run's provisioners, with lookups in the synced store. */
    private record Provisioners(List<ResourceProvisioner> all, WorldState state) {
        @SuppressWarnings("unchecked")
        <T extends ResourceProvisioner> T of(String typeId) {
            return (T) all.stream()
                    .filter(p -> p.resourceTypeId().equals(typeId))
                    .findFirst()
                    .orElseThrow();
        }

        Resource resource(String typeId, String id) {
            return synced.resource(Ids.resourceId(typeId, id)).orElseThrow(() -> new AssertionError("no " + id));
        }

        Resource firstResource(String typeId) {
            return synced.resources().stream()
                    .filter(r -> r.getId().getResourceType().equals(typeId))
                    .findFirst()
                    .orElseThrow();
        }

        ProvisionResult grant(String entitlementId, Resource principal) throws Exception {
            Entitlement entitlement = synced.entitlement(entitlementId)
                    .orElseThrow(() -> new AssertionError("no entitlement " + entitlementId));
            return this.<GrantProvisioner>of(entitlement.getResource().getId().getResourceType())
                    .grant(principal, entitlement);
        }

        ProvisionResult revoke(String grantId) throws Exception {
            return revoke(grant -> grant.getId().equals(grantId));
        }

        ProvisionResult revoke(Predicate<Grant> which) throws Exception {
            Grant grant = grants().filter(which)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no such grant in "
                            + grants().map(Grant::getId)
                                    .filter(id -> !id.startsWith("permission_set"))
                                    .toList()));
            return this.<GrantProvisioner>of(
                            grant.getEntitlement().getResource().getId().getResourceType())
                    .revoke(grant);
        }

        /** {@code entitlementId}'s permission set on {@code accountId}, which the sync skipped as suspended. */
        ProvisionResult grantOnSuspendedAccount(String entitlementId, String accountId) throws Exception {
            Entitlement synced = PolicyMinimalityProvisioningTest.synced
                    .entitlement(entitlementId)
                    .orElseThrow();
            String permissionSet = entitlementId.substring(entitlementId.indexOf('|') + 1);
            Resource account = synced.getResource().toBuilder()
                    .setId(Ids.resourceId(synced.getResource().getId().getResourceType(), accountId))
                    .build();
            Entitlement entitlement = synced.toBuilder()
                    .setId(Ids.accountEntitlementId(accountId, permissionSet))
                    .setResource(account)
                    .build();
            return this.<GrantProvisioner>of(account.getId().getResourceType())
                    .grant(firstResource("sso_user"), entitlement);
        }

        /** A member added to the first group of {@code groupType} who is not in it yet. */
        ProvisionResult grantNew(String groupType, String userType) throws Exception {
            Resource group = firstResource(groupType);
            String entitlementId = Ids.entitlementId(group.getId(), "member");
            Set<String> members = new java.util.HashSet<>();
            synced.forEachGrantOfEntitlement(
                    entitlementId,
                    g -> members.add(g.grant().getPrincipal().getId().getResource()));
            Resource user = synced.resources().stream()
                    .filter(r -> r.getId().getResourceType().equals(userType))
                    .filter(r -> !members.contains(r.getId().getResource()))
                    .findFirst()
                    .orElseThrow();
            return grant(entitlementId, user);
        }

        ProvisionResult grantExisting(String groupType) throws Exception {
            String entitlementId = Ids.entitlementId(firstResource(groupType).getId(), "member");
            List<Grant> grants = new ArrayList<>();
            synced.forEachGrantOfEntitlement(entitlementId, g -> grants.add(g.grant()));
            return grant(
                    entitlementId,
                    resource(
                            grants.get(0).getPrincipal().getId().getResourceType(),
                            grants.get(0).getPrincipal().getId().getResource()));
        }

        int assignments() {
            return state.world().identityCenter().assignments().size();
        }

        private Stream<Grant> grants() {
            List<Grant> grants = new ArrayList<>();
            synced.entitlements().forEach(e -> synced.forEachGrantOfEntitlement(e.getId(), g -> grants.add(g.grant())));
            return grants.stream();
        }
    }

    /** A fresh simulator on the enforced demo organization. */
    private static final class Simulated implements AutoCloseable {
        final SimulatorExtension simulator =
                SimulatorExtension.of(initial).systemClock().withoutScim().start();
        final WorldState state = simulator.state();
        final SimulatorServer server = simulator.server();
        final ConnectorAccess access = ConnectorAccess.find(state.world()).orElseThrow();

        @Override
        public void close() {
            simulator.close();
        }
    }
}
