package dev.baton.aws.connector.identitycenter;

import static dev.baton.aws.connector.identitycenter.SmallWorldRun.userArn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.ScimConfig;
import dev.baton.aws.config.Secret;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.Status.ResourceStatus;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.SimulatorExtension;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SSO users enriched from SCIM ({@code active}) and CloudTrail (last sign-in). */
class SsoUserEnrichmentTest {
    @RegisterExtension
    static final SimulatorExtension world = SmallWorldRun.simulator();

    private static UserTrait trait(SyncDriver sync, String userId) {
        return Annotations.find(sync.resource("sso_user", userArn(userId)).getAnnotationsList(), UserTrait.class)
                .orElseThrow();
    }

    @Test
    void scimDirectoryReadsActiveForEveryUserAcrossPages() throws SyncException {
        ScimUserDirectory scim = new ScimUserDirectory(
                HttpClient.newHttpClient(),
                new ScimConfig(true, world.endpoint() + "/scim/v2/", new Secret(SmallWorldRun.SCIM_TOKEN)),
                2);
        assertEquals(Optional.of(true), scim.active("u-alice", "alice@example.com"));
        assertEquals(Optional.of(false), scim.active("u-carol", "carol@example.com"));
        assertEquals(Optional.of(false), scim.active("unknown-id", "carol@example.com"), "user name fallback");
        assertEquals(Optional.empty(), scim.active("unknown-id", "nobody"));
        assertEquals(Optional.of(true), scim.active("u-erin", "erin@example.com"), "on the third page of two");
    }

    @Test
    void syncWithScimMarksTheDisabledUser() throws SyncException {
        SmallWorldRun run =
                new SmallWorldRun(world).scim(SmallWorldRun.SCIM_TOKEN).onlyTypes(Set.of("sso_user"));
        SyncDriver sync = run.sync();
        run.close();
        Resource carol = sync.resource("sso_user", userArn("u-carol"));
        assertEquals(ResourceStatus.RESOURCE_STATUS_DISABLED, carol.getStatus().getStatus());
        assertEquals(
                UserTrait.Status.StatusValue.STATUS_DISABLED,
                trait(sync, "u-carol").getStatus().getStatus());
        assertEquals(
                ResourceStatus.RESOURCE_STATUS_ENABLED,
                sync.resource("sso_user", userArn("u-alice")).getStatus().getStatus());
    }

    @Test
    void badScimTokenFailsWithoutRevealingIt() {
        SmallWorldRun run = new SmallWorldRun(world).scim("wrong-token-value").onlyTypes(Set.of("sso_user"));
        SyncException failure = assertThrows(SyncException.class, run::sync);
        run.close();
        assertTrue(failure.getMessage().contains("HTTP 401"), failure.getMessage());
        assertFalse(failure.getMessage().contains("wrong-token-value"));
    }

    @Test
    void lastLoginIsTheLatestSignInWithinTheWindow() throws SyncException {
        SmallWorldRun run = new SmallWorldRun(world).lastLogin().onlyTypes(Set.of("sso_user"));
        SyncDriver sync = run.sync();
        run.close();
        assertEquals(
                Instant.parse("2026-11-25T17:30:00Z").getEpochSecond(),
                trait(sync, "u-alice").getLastLogin().getSeconds(),
                "Federate after Authenticate");
        assertEquals(
                Instant.parse("2026-11-22T12:00:00Z").getEpochSecond(),
                trait(sync, "u-bob").getLastLogin().getSeconds());
        assertFalse(trait(sync, "u-carol").hasLastLogin(), "not a sign-in event");
        assertFalse(trait(sync, "u-dave").hasLastLogin(), "outside the 30-day window");
        assertTrue(run.warnings.isEmpty(), run.warnings.toString());
    }

    @Test
    void lastLoginWithoutCloudTrailPermissionWarnsOnceAndSyncsUsers() throws SyncException {
        SmallWorldRun run = new SmallWorldRun(world)
                .as("AKIASSOTESTNOTRAILXX", "limited-secret")
                .lastLogin()
                .onlyTypes(Set.of("sso_user"));
        SyncDriver sync = run.sync();
        run.close();
        assertEquals(5, sync.resources("sso_user").size());
        assertFalse(trait(sync, "u-alice").hasLastLogin());
        assertEquals(1, run.warnings.size(), run.warnings.toString());
        assertTrue(run.warnings.get(0).startsWith("cloudtrail:LookupEvents"), run.warnings.get(0));
    }
}
