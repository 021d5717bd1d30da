package dev.baton.aws.sync;

import static dev.baton.aws.sync.SyncFixtures.ROLE;
import static dev.baton.aws.sync.SyncFixtures.USER;
import static dev.baton.aws.sync.SyncFixtures.entitlement;
import static dev.baton.aws.sync.SyncFixtures.grant;
import static dev.baton.aws.sync.SyncFixtures.role;
import static dev.baton.aws.sync.SyncFixtures.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the writer checks at once, and what waits until resources and entitlements are settled. */
class SyncWriterTest {
    private final InMemorySyncStore store = new InMemorySyncStore();
    private final WarningCollector warnings = new WarningCollector(5, message -> {});
    private final SyncWriter writer = new SyncWriter(store, Map.of("user", USER, "role", ROLE), warnings);
    private final Resource admin = role("admin");
    private final Resource alice = user("alice");
    private final Entitlement assigned = entitlement(admin, "assigned");

    private List<String> grantIds() {
        return store.grants().stream().map(stored -> stored.grant().getId()).toList();
    }

    @Test
    void aGrantWhosePrincipalIsWrittenLaterIsKept() throws SyncException {
        writer.write(new WriteBatch.Resources("role", null, List.of(admin)));
        writer.write(new WriteBatch.Entitlements(admin, List.of(assigned)));
        Grant toAlice = grant(assigned, alice.getId());
        writer.write(new WriteBatch.Grants(admin, List.of(toAlice)));
        assertEquals(List.of(), grantIds(), "alice is not written yet");
        assertEquals(1, writer.waitingGrants());

        writer.write(new WriteBatch.Resources("user", null, List.of(alice)));
        writer.settle();

        assertEquals(List.of(toAlice.getId()), grantIds());
        assertEquals(0, writer.waitingGrants());
        assertEquals(0, warnings.count());
        assertEquals(1, writer.grantsWritten());
    }

    @Test
    void aGrantArrivingBeforeItsEntitlementIsKept() throws SyncException {
        writer.write(new WriteBatch.Resources("role", null, List.of(admin)));
        writer.write(new WriteBatch.Resources("user", null, List.of(alice)));
        Grant toAlice = grant(assigned, alice.getId());
        writer.write(new WriteBatch.Grants(admin, List.of(toAlice)));
        writer.write(new WriteBatch.Entitlements(admin, List.of(assigned)));
        writer.settle();

        assertEquals(List.of(toAlice.getId()), grantIds());
    }

    @Test
    void anEntitlementOfAResourceWrittenLaterWaitsForIt() throws SyncException {
        writer.write(new WriteBatch.Entitlements(admin, List.of(assigned)));
        assertEquals(List.of(), store.entitlements());
        writer.write(new WriteBatch.Resources("role", null, List.of(admin)));
        writer.settle();

        assertEquals(List.of(assigned), store.entitlements());
    }

    @Test
    void anEntitlementWhoseResourceNeverComesFailsAtSettle() throws SyncException {
        writer.write(new WriteBatch.Entitlements(admin, List.of(assigned)));

        SyncException error = assertThrows(SyncException.class, writer::settle);

        assertEquals(
                "entitlement role:admin:assigned belongs to resource role:admin, which was not synced",
                error.getMessage());
    }

    @Test
    void afterSettlingADanglingGrantIsDroppedAtOnce() throws SyncException {
        writer.write(new WriteBatch.Resources("role", null, List.of(admin)));
        writer.write(new WriteBatch.Entitlements(admin, List.of(assigned)));
        writer.settle();
        writer.write(new WriteBatch.Grants(admin, List.of(grant(assigned, alice.getId()))));

        assertEquals(0, writer.waitingGrants());
        assertEquals(List.of(), grantIds());
        assertEquals(
                List.of("dropped grant role:admin:assigned:user:alice: its principal user:alice was not synced"),
                warnings.firstMessages());
    }

    @Test
    void aResourceListedTwiceStartsItsListingsOnce() throws SyncException {
        assertEquals(
                1,
                writer.write(new WriteBatch.Resources("role", null, List.of(admin)))
                        .size());
        assertEquals(List.of(), writer.write(new WriteBatch.Resources("role", null, List.of(admin))));
    }
}
