package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** An organization: the connector role in the management account, one assumable child, one not, one suspended. */
class IamSyncersOrganizationTest {
    static final String CONNECTOR_ROLE = "arn:aws:iam::111111111111:role/BatonConnector";
    static final String BINDING_ROLE = "arn:aws:iam::111111111111:role/BatonBinding";
    static final String EXTERNAL_ID = "ext-0123456789abcdef0123456789abcdef";
    static final String DEV = "arn:aws:iam::222222222222:";
    static final CredentialsConfig SINGLE_HOP = IamSync.credentials(CONNECTOR_ROLE, EXTERNAL_ID, "", "");

    private static GraphWalker.Graph sync(Consumer<ObjectNode> edit, CredentialsConfig credentials, boolean fastPath)
            throws Exception {
        try (SimulatorExtension fixture =
                IamSync.simulator("iam-org.json", edit).start()) {
            return IamSync.sync(fixture, credentials, IamSync.ORG, IamSync.scope(fastPath, true, Set.of()));
        }
    }

    private static List<String> children(Resource account) {
        return account.getAnnotationsList().stream()
                .filter(a -> a.is(ChildResourceType.class))
                .map(a -> Annotations.find(List.of(a), ChildResourceType.class)
                        .orElseThrow()
                        .getResourceTypeId())
                .toList();
    }

    @Test
    void syncsAssumableChildAccountsAndSkipsTheOthersWithOneWarning() throws Exception {
        GraphWalker.Graph graph = sync(tree -> {}, SINGLE_HOP, true);
        assertEquals(List.of(), graph.duplicates());
        assertEquals(List.of("111111111111", "222222222222", "333333333333"), graph.ids("account_iam"));
        assertEquals(List.of(), children(graph.resource("account_iam", "111111111111")));
        assertEquals(
                List.of("iam_user", "role", "group", "iam_policy", "access-key"),
                children(graph.resource("account_iam", "222222222222")));
        assertEquals(List.of(), children(graph.resource("account_iam", "333333333333")));
        assertEquals(1, graph.warnings().size(), graph.warnings().toString());
        assertTrue(graph.warnings().get(0).contains("arn:aws:iam::333333333333:role/OrganizationAccountAccessRole"));
        assertTrue(graph.warnings().get(0).contains("AccessDenied"));

        assertEquals(
                List.of(
                        "arn:aws:iam::111111111111:user/connector",
                        "arn:aws:iam::111111111111:user/erin",
                        DEV + "user/dave"),
                graph.ids("iam_user"));
        Resource dave = graph.resource("iam_user", DEV + "user/dave");
        assertEquals("222222222222", dave.getParentResourceId().getResource());
        assertFalse(graph.resource("iam_user", "arn:aws:iam::111111111111:user/erin")
                .hasParentResourceId());
        assertEquals(
                "222222222222",
                graph.resource("iam_policy", DEV + "policy/DevPolicy")
                        .getParentResourceId()
                        .getResource());
        assertFalse(graph.resource("iam_policy", "arn:aws:iam::aws:policy/AdministratorAccess")
                .hasParentResourceId());

        Resource key = graph.resource("access-key", "AKIADAVE000000000001");
        assertEquals(
                DEV + "user/dave",
                Annotations.find(key.getAnnotationsList(), SecretTrait.class)
                        .orElseThrow()
                        .getIdentityId()
                        .getResource());
        assertTrue(graph.grants().containsKey("role:" + DEV + "role/app:assignment:iam_user:" + DEV + "user/dave"));
        assertTrue(graph.grants().containsKey("group:" + DEV + "group/devs:member:iam_user:" + DEV + "user/dave"));
        assertTrue(
                graph.grants().containsKey("iam_policy:" + DEV + "policy/DevPolicy:attached:role:" + DEV + "role/app"));
        assertTrue(graph.grants()
                .containsKey("inline_policy:" + DEV + "user/dave::inline::own:attached:iam_user:" + DEV + "user/dave"));
    }

    @Test
    void deniedFastPathAndForcedFallbackProduceTheSameGraph() throws Exception {
        GraphWalker.Graph fast = sync(tree -> {}, SINGLE_HOP, true);
        GraphWalker.Graph denied = sync(
                tree -> connectorRole(tree).putArray("deny").add("iam:GetAccountAuthorizationDetails"),
                SINGLE_HOP,
                true);
        GraphWalker.Graph forced = sync(tree -> {}, SINGLE_HOP, false);
        for (GraphWalker.Graph other : List.of(denied, forced)) {
            assertEquals(fast.resources().keySet(), other.resources().keySet());
            assertEquals(fast.resources(), other.resources());
            assertEquals(fast.entitlements(), other.entitlements());
            assertEquals(fast.grants(), other.grants());
        }
    }

    @Test
    void onlyAttachedPoliciesFromGaadEqualListPoliciesOnlyAttached() throws Exception {
        GraphWalker.Graph fast;
        GraphWalker.Graph forced;
        try (SimulatorExtension fixture = IamSync.simulator("iam-org.json").start()) {
            fast = IamSync.sync(fixture, SINGLE_HOP, IamSync.ORG, onlyAttached(true));
        }
        try (SimulatorExtension fixture = IamSync.simulator("iam-org.json").start()) {
            forced = IamSync.sync(fixture, SINGLE_HOP, IamSync.ORG, onlyAttached(false));
        }
        // ReadOnlyAccess is attached in the management account, AdministratorAccess only in the child, DevPolicy
        // (customer-managed, attached) in the child
        assertEquals(
                List.of(
                        DEV + "policy/DevPolicy",
                        "arn:aws:iam::aws:policy/AdministratorAccess",
                        "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                fast.ids("iam_policy").stream().sorted().toList());
        assertEquals(fast.resources(), forced.resources());
        assertEquals(fast.entitlements(), forced.entitlements());
        assertEquals(fast.grants(), forced.grants());
    }

    private static SyncScope onlyAttached(boolean fastPath) {
        return new SyncScope(Set.of(), true, true, false, 30, fastPath, ScimConfig.disabled());
    }

    private static ObjectNode connectorRole(ObjectNode tree) {
        for (var role : tree.path("accounts").get(0).path("iam").path("roles")) {
            if (role.path("name").asText().equals("BatonConnector")) {
                return (ObjectNode) role;
            }
        }
        throw new AssertionError("no BatonConnector role in the world");
    }

    @Test
    void twoHopAssumesTheBindingRoleThenTheConnectorRole() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-org.json").start();
                DefaultAwsClients clients = IamSync.clients(
                        fixture,
                        IamSync.credentials(CONNECTOR_ROLE, EXTERNAL_ID, BINDING_ROLE, "binding-ext-1"),
                        IamSync.ORG)) {
            assertEquals("111111111111", clients.callerAccountId());
            assertEquals(2, fixture.stats().calls("sts:AssumeRole"));
            assertTrue(
                    clients.iam().getUser(b -> b.userName("erin")).user().arn().endsWith(":user/erin"));
        }
    }

    @Test
    void wrongExternalIdFailsAtStartupNamingTheRoleAndTheAwsError() {
        try (SimulatorExtension fixture = IamSync.simulator("iam-org.json").start()) {
            AwsCallException e = assertThrows(
                    AwsCallException.class,
                    () -> IamSync.clients(
                            fixture, IamSync.credentials(CONNECTOR_ROLE, "wrong-external-id", "", ""), IamSync.ORG));
            assertEquals(ErrorKind.ACCESS_DENIED, e.kind());
            assertEquals(
                    "sts:AssumeRole on " + CONNECTOR_ROLE + " (account 111111111111): AccessDenied: User: "
                            + "arn:aws:iam::111111111111:user/connector is not authorized to perform: sts:AssumeRole on "
                            + "resource: " + CONNECTOR_ROLE,
                    e.getMessage());
            assertTrue(e.advice().contains("--external-id must equal the sts:ExternalId"), e.advice());
            assertFalse(e.getMessage().contains(IamSync.CONNECTOR_SECRET));
        }
    }

    @Test
    void bindingHopFailureIsGenericAndDoesNotNameTheBindingRole() {
        try (SimulatorExtension fixture = IamSync.simulator("iam-org.json").start()) {
            AwsCallException e = assertThrows(
                    AwsCallException.class,
                    () -> IamSync.clients(
                            fixture,
                            IamSync.credentials(CONNECTOR_ROLE, EXTERNAL_ID, BINDING_ROLE, "wrong"),
                            IamSync.ORG));
            assertEquals("sts:AssumeRole: internal binding error", e.getMessage());
            assertEquals(null, e.getCause());
        }
    }

    @Test
    void syncLongerThanTheCredentialLifetimeRefreshesCredentials() throws Exception {
        Consumer<ObjectNode> shortLived =
                tree -> ((ObjectNode) tree.path("limits")).put("credentialLifetimeSeconds", 60);
        try (SimulatorExtension fixture =
                        IamSync.simulator("iam-org.json", shortLived).start();
                DefaultAwsClients clients = IamSync.clients(fixture, SINGLE_HOP, IamSync.ORG)) {
            var scope = IamSync.scope(true, true, Set.of());
            GraphWalker.Graph first = IamSync.sync(clients, IamSync.ORG, scope);
            Credentials stale = assumeDirectly(fixture);
            fixture.manualClock().advance(Duration.ofMinutes(10));
            IamException expired = assertThrows(
                    IamException.class, () -> iamWith(fixture, stale).listUsers());
            assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());

            GraphWalker.Graph second = IamSync.sync(clients, IamSync.ORG, scope);
            assertEquals(first.resources(), second.resources());
            assertEquals(first.grants(), second.grants());
            assertEquals(
                    List.of(),
                    second.warnings().stream()
                            .filter(w -> !w.contains("333333333333"))
                            .toList());
        }
    }

    /** Session credentials nobody refreshes: the control that shows the simulator really expires them. */
    private static Credentials assumeDirectly(SimulatorExtension fixture) {
        try (StsClient sts = StsClient.builder()
                .endpointOverride(fixture.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(IamSync.CONNECTOR_KEY, IamSync.CONNECTOR_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            return sts.assumeRole(b ->
                            b.roleArn(CONNECTOR_ROLE).externalId(EXTERNAL_ID).roleSessionName("control"))
                    .credentials();
        }
    }

    private static IamClient iamWith(SimulatorExtension fixture, Credentials credentials) {
        return IamClient.builder()
                .endpointOverride(fixture.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
