package dev.baton.aws.connector.permissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.connector.permissions.CheckResult.Status;
import dev.baton.aws.simulator.world.ConnectorAccess;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code check}'s probes against the demo organization with the generated policies enforced: with the whole policy
 * every read is granted in every account; with some actions taken away exactly those are reported denied, in the
 * account whose role lost them, and a member account whose role cannot be assumed is reported as such.
 */
class PermissionCheckTest {
    private static final PermissionFeatures FEATURES = PolicyMinimalitySyncTest.features(true, true);
    private static final RequiredPermissions REQUIRED = PermissionCatalog.required(FEATURES);
    private static final List<String> MEMBERS = List.of("222233334444", "333344445555", "444455556666");

    @RegisterExtension
    static final SimulatorExtension server = SimulatorExtension.of(EnforcedDemoWorld.world(REQUIRED))
            .systemClock()
            .withoutScim();

    @AfterEach
    void restore() {
        EnforcedDemoWorld.allow(server.state(), REQUIRED, Set.of());
    }

    @Test
    void withTheWholePolicyEveryReadIsGrantedInEveryAccount() throws Exception {
        List<CheckResult> results = check();
        assertEquals(
                List.of(),
                results.stream().filter(r -> r.status() == Status.DENIED).toList());
        Set<String> accounts =
                results.stream().map(CheckResult::account).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("111122223333", "222233334444", "333344445555", "444455556666")), accounts);
        // every read is probed; only writes are left out
        for (CheckResult result : results) {
            boolean write =
                    REQUIRED.connectorRole().stream().anyMatch(p -> p.action().equals(result.action()) && p.write());
            assertEquals(write ? Status.NOT_PROBED : Status.OK, result.status(), result.toString());
        }
        for (String member : MEMBERS) {
            assertEquals(
                    REQUIRED.childRole().size() + 1,
                    results.stream().filter(r -> r.account().equals(member)).count(),
                    member);
        }
    }

    @Test
    void deniedActionsAreReportedExactlyWhereTheyAreMissing() throws Exception {
        Set<String> connectorDenied = Set.of(
                "iam:GetAccountAuthorizationDetails",
                "organizations:ListRoots",
                "sso:DescribePermissionSet",
                "identitystore:ListGroupMemberships",
                "cloudtrail:LookupEvents");
        EnforcedDemoWorld.allow(
                server.state(),
                new RequiredPermissions(
                        FEATURES,
                        EnforcedDemoWorld.without(REQUIRED.connectorRole(), connectorDenied),
                        EnforcedDemoWorld.without(REQUIRED.childRole(), Set.of("iam:ListRoles"))),
                Set.of());
        List<CheckResult> results = check();
        Set<String> denied = results.stream()
                .filter(r -> r.status() == Status.DENIED)
                .map(r -> r.account() + " " + r.action())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>();
        connectorDenied.forEach(action -> expected.add("111122223333 " + action));
        MEMBERS.forEach(member -> expected.add(member + " iam:ListRoles"));
        assertEquals(expected, denied);
        assertTrue(
                results.stream()
                        .filter(r -> r.status() == Status.DENIED)
                        .allMatch(r -> r.detail().startsWith("AccessDenied")
                                && !r.loss().isEmpty()),
                results.toString());
    }

    @Test
    void aMemberAccountWhoseRoleCannotBeAssumedIsReported() throws Exception {
        EnforcedDemoWorld.allow(
                server.state(),
                new RequiredPermissions(
                        FEATURES,
                        EnforcedDemoWorld.without(REQUIRED.connectorRole(), Set.of("sts:AssumeRole")),
                        REQUIRED.childRole()),
                Set.of());
        List<CheckResult> results = check();
        for (String member : MEMBERS) {
            List<CheckResult> rows =
                    results.stream().filter(r -> r.account().equals(member)).toList();
            assertEquals(Status.DENIED, rows.get(0).status(), rows.get(0).toString());
            assertEquals("sts:AssumeRole", rows.get(0).action());
            assertTrue(rows.subList(1, rows.size()).stream().allMatch(r -> r.status() == Status.NOT_PROBED));
        }
    }

    private static List<CheckResult> check() throws Exception {
        ConnectorAccess access = ConnectorAccess.find(server.world()).orElseThrow();
        CredentialsConfig credentials = new CredentialsConfig(
                access.accessKeyId(),
                new Secret(access.secretAccessKey().value()),
                access.region(),
                access.roleArn(),
                access.externalId(),
                "",
                new Secret(""));
        try (DefaultAwsClients clients = DefaultAwsClients.create(
                credentials,
                FEATURES.organization(),
                RateLimitConfig.defaults(),
                AwsClientSettings.endpoint(server.endpoint(), Clock.systemUTC()))) {
            return new PermissionCheck(clients).run(REQUIRED);
        }
    }
}
