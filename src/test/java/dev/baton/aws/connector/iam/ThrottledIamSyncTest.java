package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.aws.AwsClientSettings;
import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.aws.RetryBudget;
import dev.baton.aws.config.RateLimitConfig;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Throttling is a pace, not a failure: with the simulator's IAM accepting a half and a tenth of the client's rate,
 * the sync (per-entity calls, the busiest IAM pattern) ends with the same graph as an unthrottled one; a call that
 * keeps being throttled past its retry budget fails naming the operation, the account and the budget.
 */
class ThrottledIamSyncTest {
    private static final double CLIENT_RATE = 40;

    private static GraphWalker.Graph sync(double serverRate, Duration budget) throws Exception {
        try (SimulatorExtension server = SimulatorExtension.ofResource("/worlds/iam-single.json")
                        .edit(world -> ((ObjectNode) world.path("limits"))
                                .putObject("ratePerSecond")
                                .put("iam", serverRate))
                        .iamAndStsOnly()
                        .systemClock()
                        .start();
                DefaultAwsClients clients = DefaultAwsClients.create(
                        IamSync.staticKeys(),
                        IamSync.NO_ORG,
                        new RateLimitConfig(CLIENT_RATE, 0, 0, 0, 0),
                        AwsClientSettings.endpoint(server.endpoint(), Clock.systemUTC())
                                .withRetry(RetryBudget.of(budget)))) {
            return IamSync.sync(clients, IamSync.NO_ORG, IamSync.scope(false, true, Set.of()));
        }
    }

    @Test
    void awsAtAHalfAndATenthOfTheClientRateGivesTheCleanGraph() throws Exception {
        GraphWalker.Graph clean = sync(0, Duration.ofMinutes(1));
        for (double share : new double[] {0.5, 0.1}) {
            GraphWalker.Graph throttled = sync(CLIENT_RATE * share, Duration.ofMinutes(1));
            assertEquals(clean.resources().keySet(), throttled.resources().keySet(), "share " + share);
            assertEquals(clean.grants().keySet(), throttled.grants().keySet(), "share " + share);
            assertEquals(clean.warnings(), throttled.warnings(), "share " + share);
        }
    }

    @Test
    void aCallThrottledPastItsBudgetNamesTheOperationTheAccountAndTheBudget() {
        SyncException e = assertThrows(SyncException.class, () -> sync(0.01, Duration.ofSeconds(2)));
        assertTrue(
                e.getMessage()
                        .matches("iam:\\w+ .*\\(account 111111111111\\): Throttling: still failing after \\d+ "
                                + "retr(y|ies) within the retry budget of 2s \\(--retry-budget\\)"),
                e.getMessage());
    }
}
