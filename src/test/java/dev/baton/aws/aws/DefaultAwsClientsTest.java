package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.simulator.service.OrganizationsService;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/** DefaultAwsClients against the simulator's organization world, with the connector role assumed. */
class DefaultAwsClientsTest {
    private static final CredentialsConfig CONNECTOR_ROLE = new CredentialsConfig(
            "AKIACONNECTOR0000001",
            new Secret("connector-secret"),
            "us-east-1",
            "arn:aws:iam::111111111111:role/BatonConnector",
            "ext-0123456789abcdef0123456789abcdef",
            "",
            new Secret(""));
    private static final OrganizationConfig ORG =
            new OrganizationConfig(true, false, false, "eu-west-1", "OrganizationAccountAccessRole");

    private static final String WORLD = "/worlds/iam-org.json";

    @RegisterExtension
    final SimulatorExtension aws = SimulatorExtension.ofResource(WORLD)
            .jsonServices(state -> List.of(new OrganizationsService(state)))
            .withoutScim();

    private DefaultAwsClients clients;

    @BeforeEach
    void start() throws AwsCallException {
        clients = DefaultAwsClients.create(
                CONNECTOR_ROLE,
                ORG,
                new RateLimitConfig(0, 0, 0, 0, 0),
                AwsClientSettings.endpoint(aws.endpoint(), aws.clock()));
    }

    @AfterEach
    void stop() {
        clients.close();
    }

    @Test
    void childAccountClientIsCreatedOnceUnderParallelUse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IamClient>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> clients.iam("222222222222"));
            }
            List<Future<IamClient>> results = pool.invokeAll(calls);
            IamClient first = results.get(0).get();
            for (Future<IamClient> result : results) {
                assertSame(first, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(2, aws.stats().calls("sts:AssumeRole"), "connector role + one child hop");
        assertTrue(clients.iam("222222222222")
                .getUser(b -> b.userName("dave"))
                .user()
                .arn()
                .startsWith("arn:aws:iam::222222222222:"));
        assertSame(clients.iam(), clients.iam("111111111111"), "the caller's own account uses the connector client");
    }

    @Test
    void callerAccountIsAskedOnceWhenWorkersAskAtTheSameTime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (SimulatorExtension slow = SimulatorExtension.ofResource(WORLD)
                        .clock(aws.clock())
                        .iamAndStsOnly()
                        .server(b -> b.latencyMs(100))
                        .start();
                DefaultAwsClients slowClients = DefaultAwsClients.create(
                        CONNECTOR_ROLE,
                        ORG,
                        new RateLimitConfig(0, 0, 0, 0, 0),
                        AwsClientSettings.endpoint(slow.endpoint(), slow.clock()))) {
            CountDownLatch ready = new CountDownLatch(8);
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> {
                    ready.countDown();
                    ready.await();
                    return slowClients.callerAccountId();
                });
            }
            for (Future<String> result : pool.invokeAll(calls)) {
                assertEquals("111111111111", result.get());
            }
            assertEquals(1, slow.stats().calls("sts:GetCallerIdentity"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unassumableChildNamesTheRoleAndIsRetriedNextTime() {
        AwsCallException first = assertThrows(AwsCallException.class, () -> clients.iam("333333333333"));
        assertEquals(
                "sts:AssumeRole on arn:aws:iam::333333333333:role/OrganizationAccountAccessRole "
                        + "(account 333333333333): AccessDenied: User: arn:aws:sts::111111111111:assumed-role/BatonConnector/"
                        + "baton-aws is not authorized to perform: sts:AssumeRole on resource: "
                        + "arn:aws:iam::333333333333:role/OrganizationAccountAccessRole",
                first.getMessage());
        assertEquals(
                "the trust policy of arn:aws:iam::333333333333:role/OrganizationAccountAccessRole must allow "
                        + "arn:aws:sts::111111111111:assumed-role/BatonConnector/baton-aws to call sts:AssumeRole",
                first.advice(),
                "a child-account role has no external id to suggest");
        assertThrows(AwsCallException.class, () -> clients.iam("333333333333"));
        assertEquals(3, aws.stats().calls("sts:AssumeRole"), "a failed hop is not cached");
    }

    @Test
    void callStatisticsCountEveryAttemptPerServiceScope() throws AwsCallException {
        clients.callerAccountId();
        clients.iam().listUsers();
        clients.iam().listRoles();
        clients.organizations().listAccounts();
        var snapshot = aws.stats();
        assertEquals(
                snapshot.calls("iam:ListUsers") + snapshot.calls("iam:ListRoles"),
                clients.stats().callsByService().get("iam"));
        assertEquals(1L, clients.stats().callsByService().get("organizations"));
        // the eager AssumeRole goes through an STS client of its own scope, then GetCallerIdentity
        assertEquals(2L, clients.stats().callsByService().get("sts"));
        assertEquals(0, clients.stats().throttled());
        assertEquals(0, clients.stats().retries());
    }

    @Test
    void identityCenterClientsUseTheSsoRegion() {
        assertEquals(
                Region.of("eu-west-1"),
                clients.ssoAdmin().serviceClientConfiguration().region());
        assertEquals(
                Region.of("eu-west-1"),
                clients.identityStore().serviceClientConfiguration().region());
        assertEquals(
                Region.US_EAST_1, clients.iam().serviceClientConfiguration().region());
    }
}
