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
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.testing.SimulatorExtension;
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
        // 5 accounts, 2 per page: 3 pages, each asked for once although three readers need every account
        try (SimulatorExtension aws = SimulatorExtension.of(DemoWorld.create())
                .startingAt(Instant.parse("2025-02-01T00:00:00Z"))
                .withoutScim()
                .pageSize("organizations", 2)
                .start()) {
            WorldState state = aws.state();
            ConnectionFacts facts = aws.facts();
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
                    AwsClientSettings.endpoint(aws.endpoint(), aws.clock()))) {
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
                    aws.stats().calls("organizations:ListAccounts"),
                    aws.stats().calls().toString());
            assertTrue(aws.stats().calls("sso:ListAccountAssignments") > 0, "the assignments were read");
        }
    }
}
