package dev.baton.aws.connector.organizations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.SyncScope;
import dev.baton.aws.connector.SyncContext;
import dev.baton.aws.connector.identitycenter.IdentityCenterSyncers;
import dev.baton.aws.connector.identitycenter.SyncDriver;
import dev.baton.aws.model.Ids;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorAwsClients;
import dev.baton.aws.testing.SimulatorExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OrganizationHierarchyTest {
    private static final OrganizationConfig ORGANIZATION =
            new OrganizationConfig(true, true, false, "eu-west-1", "OrganizationAccountAccessRole");
    private static final SyncScope SCOPE =
            new SyncScope(Set.of(), false, false, false, 30, true, ScimConfig.disabled());

    @RegisterExtension
    static final SimulatorExtension world =
            SimulatorExtension.ofResource("/worlds/sso-small.json").systemClock();

    @Test
    void ouListingDeniedKeepsTheRootAndFlattensAccountsInOusWithOneWarning() throws SyncException {
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        try (SimulatorAwsClients clients = world.clients("AKIASSOTESTNOOUSXXXX", "limited-secret", "eu-west-1")) {
            OrganizationSyncers organizations =
                    OrganizationSyncers.create(SyncContext.of(clients, ORGANIZATION, SCOPE, warnings::add));
            IdentityCenterSyncers identityCenter = IdentityCenterSyncers.create(
                    new SyncContext(
                            clients,
                            ORGANIZATION,
                            SCOPE,
                            warnings::add,
                            new OrganizationAccounts(clients::organizations)),
                    organizations.hierarchy());
            SyncDriver sync = new SyncDriver(List.of(
                            organizations.organization(), organizations.organizationalUnit(), identityCenter.account()))
                    .run();
            assertEquals(1, sync.resources("organization").size());
            assertEquals(List.of(), sync.resources("organizational_unit"));
            assertEquals(
                    Ids.resourceId("organization", "r-ab12"),
                    sync.resource("account", "111111111111").getParentResourceId());
            assertFalse(sync.resource("account", "222222222222").hasParentResourceId(), "its OU is not synced");
            assertFalse(sync.resource("account", "333333333333").hasParentResourceId());
        }
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(
                warnings.get(0).startsWith("organizations:ListOrganizationalUnitsForParent on r-ab12"),
                warnings.get(0));
    }

    @Test
    void organizationalUnitsAreOnlyListedUnderHierarchyNodes() throws SyncException {
        try (SimulatorAwsClients clients = world.clients("AKIASSOTESTCONNECTOR", "connector-secret", "eu-west-1")) {
            OrganizationSyncers organizations =
                    OrganizationSyncers.create(SyncContext.of(clients, ORGANIZATION, SCOPE, m -> {}));
            assertTrue(organizations
                    .organizationalUnit()
                    .list(null, PageToken.first())
                    .items()
                    .isEmpty());
            assertTrue(organizations
                    .organizationalUnit()
                    .list(Ids.resourceId("account", "111111111111"), PageToken.first())
                    .items()
                    .isEmpty());
            assertTrue(
                    organizations
                            .organization()
                            .list(Ids.resourceId("organization", "r-ab12"), PageToken.first())
                            .items()
                            .isEmpty(),
                    "roots are top-level only");
            assertEquals(
                    2,
                    SyncDriver.drain(token -> organizations
                                    .organizationalUnit()
                                    .list(Ids.resourceId("organization", "r-ab12"), token))
                            .size());
        }
    }
}
