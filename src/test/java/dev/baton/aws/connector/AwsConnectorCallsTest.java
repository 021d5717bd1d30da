package dev.baton.aws.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.identitycenter.SyncDriver;
import dev.baton.aws.simulator.ConnectionFacts;
import dev.baton.aws.simulator.SimulatorServer;
import dev.baton.aws.simulator.service.JsonServices;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.testing.ManualClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The AWS calls of one full sync of the demo world through the connector's own wiring. */
class AwsConnectorCallsTest {
    @Test
    void fullSyncListsTheOrganizationsAccountsOncePerPage() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2025-02-01T00:00:00Z"));
        WorldState state = new WorldState(DemoWorld.create(), clock);
        // 5 accounts, 2 per page: 3 pages, each asked for once although three readers need every account
        try (SimulatorServer server = SimulatorServer.builder(state)
                .jsonServices(JsonServices.create(state))
                .pageSize("organizations", 2)
                .build()
                .start()) {
            ConnectionFacts facts = server.connectionFacts().orElseThrow();
            CredentialsConfig credentials = new CredentialsConfig(
                    facts.accessKeyId(),
                    new Secret(facts.secretAccessKey().value()),
                    facts.region(),
                    facts.roleArn(),
                    facts.externalId(),
                    "",
                    new Secret(""));
            OrganizationConfig organization = new OrganizationConfig(
                    true, true, true, state.world().identityCenter().region(), "OrganizationAccountAccessRole");
            SyncScope scope = new SyncScope(Set.of(), false, false, false, 30, true, ScimConfig.disabled());
            List<String> warnings = Collections.synchronizedList(new ArrayList<>());
            try (DefaultAwsClients clients = DefaultAwsClients.create(
                    credentials,
                    organization,
                    new RateLimitConfig(0, 0, 0, 0, 0),
                    AwsClientSettings.endpoint(server.endpoint(), clock))) {
                AwsConnector connector = AwsConnector.create(clients, organization, scope, warnings::add, "iam_user");
                SyncDriver sync = new SyncDriver(connector.syncers()).run();
                assertEquals(4, sync.resources(ResourceTypes.ACCOUNT_ID).size(), "the ACTIVE accounts");
                assertEquals(4, sync.resources(ResourceTypes.ACCOUNT_IAM_ID).size());
                assertEquals(List.of(), warnings);
            }
            int accounts = state.world().accounts().size();
            assertEquals(5, accounts);
            assertEquals(
                    (accounts + 1) / 2,
                    server.stats().snapshot().calls("organizations:ListAccounts"),
                    server.stats().snapshot().calls().toString());
            assertTrue(server.stats().snapshot().calls("sso:ListAccountAssignments") > 0, "the assignments were read");
        }
    }
}
