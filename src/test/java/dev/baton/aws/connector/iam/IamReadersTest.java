package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.baton.aws.aws.DefaultAwsClients;
import dev.baton.aws.testing.SimulatorExtension;
import org.junit.jupiter.api.Test;

/**
 * An account's snapshot is collected once and kept while any syncer reading through the readers still lists; after
 * the last one says its listings are done, the snapshots are dropped (a read after that collects again).
 */
class IamReadersTest {
    private static final String SNAPSHOT = "iam:GetAccountAuthorizationDetails";

    @Test
    void snapshotsAreKeptUntilTheLastSyncerIsDoneThenDropped() throws Exception {
        try (SimulatorExtension fixture = IamSync.simulator("iam-single.json").start();
                DefaultAwsClients clients = IamSync.clients(fixture, IamSync.staticKeys(), IamSync.NO_ORG)) {
            IamReaders readers = new IamReaders(clients, true, message -> {});
            readers.register();
            readers.register();
            String account = readers.callerAccountId();

            IamAccountReader first = readers.forAccount(account);
            assertSame(first, readers.forAccount(account));
            readers.release();
            assertSame(first, readers.forAccount(account), "one syncer still lists");
            long pages = fixture.stats().calls().get(SNAPSHOT); // one collection: its pages

            readers.release();
            readers.forAccount(account);
            assertEquals(
                    2 * pages, fixture.stats().calls().get(SNAPSHOT), "dropped after the last, so collected again");
        }
    }
}
