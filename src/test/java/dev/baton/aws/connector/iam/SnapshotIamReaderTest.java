package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.simulator.world.Account;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldState;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.ReportStateType;

/** The fast path against a credential report older than some users, as AWS serves one for up to four hours. */
class SnapshotIamReaderTest {
    private static final String ALICE = "arn:aws:iam::111111111111:user/staff/alice";

    private static World without(World world, String userName) {
        Account account = world.accounts().get(0);
        return world.withAccounts(List.of(account.withIam(account.iam()
                .withUsers(account.iam().users().stream()
                        .filter(user -> !user.name().equals(userName))
                        .toList()))));
    }

    @Test
    void usersCreatedAfterTheCredentialReportGetTheirCredentialFactsPerEntity() throws Exception {
        GraphWalker.Graph forced;
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json").start()) {
            forced = IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(false, true, Set.of()));
        }
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json").start()) {
            WorldState state = fixture.server().state();
            World full = state.world();
            state.update(world -> without(world, "alice"));
            try (DefaultAwsClients clients = IamSync.clients(fixture, IamSync.staticKeys(), IamSync.NO_ORG)) {
                assertEquals(
                        ReportStateType.STARTED,
                        clients.iam().generateCredentialReport().state());
            }
            state.update(world -> full); // alice "created" after the report, which AWS keeps for four hours
            fixture.resetStats();
            GraphWalker.Graph fast =
                    IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(true, true, Set.of()));

            assertEquals(1, fixture.stats().calls("iam:GenerateCredentialReport"));
            assertEquals(1, fixture.stats().calls("iam:GetLoginProfile"), "alice only");
            assertEquals(1, fixture.stats().calls("iam:ListMFADevices"), "alice only");
            assertEquals(forced.resource("iam_user", ALICE), fast.resource("iam_user", ALICE));
            assertEquals(forced.resources(), fast.resources());
            assertEquals(forced.grants(), fast.grants());
        }
    }
}
