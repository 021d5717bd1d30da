package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.organizations.OrganizationAccounts;
import dev.baton.aws.connector.organizations.OrganizationSyncers;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.ResourceSyncer;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorAwsClients;
import dev.baton.aws.testing.SimulatorExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@code {"psi":n}} tokens over 60 permission sets provisioned to one account: pages of 25, 25 and 10. */
class PageTokenPagingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final SimulatorExtension world =
            SimulatorExtension.ofResource("/worlds/sso-sixty-sets.json").systemClock();

    private static SimulatorAwsClients clients;
    private static IdentityCenterSyncers syncers;

    @BeforeAll
    static void start() {
        clients = world.clients("AKIASSOTESTCONNECTOR", "connector-secret", "us-east-1");
        OrganizationConfig organization =
                new OrganizationConfig(true, true, false, "us-east-1", "OrganizationAccountAccessRole");
        SyncScope scope = new SyncScope(Set.of(), false, false, false, 30, true, ScimConfig.disabled());
        syncers = IdentityCenterSyncers.create(new IdentityCenterSyncers.Settings(
                clients,
                organization,
                scope,
                message -> {},
                OrganizationSyncers.create(SyncContext.of(clients, organization, scope, message -> {}))
                        .hierarchy(),
                new OrganizationAccounts(clients::organizations),
                Clock.systemUTC(),
                AssignmentStrategy.AUTO,
                HttpClient.newHttpClient()));
    }

    @AfterAll
    static void stop() {
        clients.close();
    }

    private static int psi(PageToken token) throws Exception {
        JsonNode json = JSON.readTree(Base64.getDecoder().decode(token.value()));
        assertEquals(1, json.size(), "only psi: " + json);
        return json.get("psi").asInt();
    }

    @Test
    void bindingPagesAreBatchesOf25AndPsiCountsWhatWasEmitted() throws Exception {
        ResourceSyncer bindings = syncers.permissionSetAssignment();
        var account = Ids.resourceId("account", "222222222222");
        List<Integer> sizes = new ArrayList<>();
        List<Integer> decoded = new ArrayList<>();
        List<Resource> all = new ArrayList<>();
        PageToken token = PageToken.first();
        do {
            Page<Resource> page = bindings.list(account, token);
            sizes.add(page.items().size());
            all.addAll(page.items());
            token = page.next();
            if (!token.isFirst()) {
                decoded.add(psi(token));
                assertEquals(all.size(), decoded.get(decoded.size() - 1));
            }
        } while (!token.isFirst());
        assertEquals(List.of(25, 25, 10), sizes);
        assertEquals(List.of(25, 50), decoded);
        assertEquals(
                60, all.stream().map(r -> r.getId().getResource()).distinct().count());
    }

    @Test
    void accountEntitlementsPageTheWholeInstanceTheSameWay() throws Exception {
        Resource account = SyncDriver.drain(token -> syncers.account().list(null, token)).stream()
                .filter(r -> r.getId().getResource().equals("222222222222"))
                .findFirst()
                .orElseThrow();
        List<Integer> sizes = new ArrayList<>();
        PageToken token = PageToken.first();
        List<Integer> decoded = new ArrayList<>();
        do {
            var page = syncers.account().entitlements(account, token);
            sizes.add(page.items().size());
            token = page.next();
            if (!token.isFirst()) {
                decoded.add(psi(token));
            }
        } while (!token.isFirst());
        assertEquals(List.of(25, 25, 10), sizes);
        assertEquals(List.of(25, 50), decoded);
    }

    @Test
    void listingOnlyHappensUnderAnAccount() throws SyncException {
        assertTrue(syncers.permissionSetAssignment()
                .list(null, PageToken.first())
                .items()
                .isEmpty());
        assertTrue(syncers.permissionSetAssignment()
                .list(Ids.resourceId("organization", "r-sx60"), PageToken.first())
                .items()
                .isEmpty());
    }

    @Test
    void describedSetsAreFetchedOncePerSync() throws SyncException {
        SyncDriver.drain(token -> syncers.permissionSet().list(null, token));
        SyncDriver.drain(
                token -> syncers.permissionSetAssignment().list(Ids.resourceId("account", "222222222222"), token));
        assertEquals(60L, world.server().stats().snapshot().calls().get("sso:DescribePermissionSet"));
    }

    @Test
    void missingInstanceIsAClearError() {
        try (SimulatorExtension empty = SimulatorExtension.ofResource("/worlds/sso-no-instance.json")
                        .systemClock()
                        .start();
                SimulatorAwsClients emptyClients =
                        empty.clients("AKIASSOTESTCONNECTOR", "connector-secret", "us-east-1")) {
            OrganizationConfig organization = new OrganizationConfig(true, true, false, "us-east-1", "r");
            SyncScope scope = new SyncScope(Set.of(), false, false, false, 30, true, ScimConfig.disabled());
            IdentityCenterSyncers none = IdentityCenterSyncers.create(
                    new SyncContext(
                            emptyClients,
                            organization,
                            scope,
                            message -> {},
                            new OrganizationAccounts(emptyClients::organizations)),
                    OrganizationSyncers.create(SyncContext.of(emptyClients, organization, scope, m -> {}))
                            .hierarchy());
            SyncException failure = assertThrows(SyncException.class, none::instance);
            assertTrue(failure.getMessage().startsWith("no IAM Identity Center instance found"), failure.getMessage());
            SyncException again =
                    assertThrows(SyncException.class, () -> none.ssoUser().list(null, PageToken.first()));
            assertEquals(failure.getMessage(), again.getMessage());
            assertEquals(1L, empty.server().stats().snapshot().calls().get("sso:ListInstances"), "cached");
        }
    }
}
