package dev.baton.aws.provisioning;

import static dev.baton.aws.provisioning.SyncFileFixture.ADMINS_MEMBER;
import static dev.baton.aws.provisioning.SyncFileFixture.BOB;
import static dev.baton.aws.provisioning.SyncFileFixture.MANAGEMENT;
import static dev.baton.aws.provisioning.SyncFileFixture.READ_ONLY_ATTACHED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.config.ProvisioningRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM limited to one call per (simulated) second: every second call of a write is throttled. With the SDK
 * retrying, the writes still land; without retries the failure says so and is never mistaken for "already done".
 */
class ProvisioningThrottlingTest {
    @TempDir
    static Path dir;

    private static Path syncFile;

    @BeforeAll
    static void writeSyncFile() throws Exception {
        syncFile = SyncFileFixture.write(dir);
    }

    @Test
    void throttledCallsAreRetriedAndTheGrantLands() throws Exception {
        try (SimulatedAws aws = new SimulatedAws(SimulatedAws::limitIamToOnePerSecond, 10)) {
            ProvisioningService service = new ProvisioningService(aws.provisioners("iam_user"));

            Outcome membership = service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", BOB));
            Outcome policy = service.run(ProvisioningRequest.grant(syncFile, READ_ONLY_ATTACHED, "iam_user", BOB));

            assertEquals("granted", membership.outcome());
            assertEquals("granted", policy.outcome());
            assertEquals(
                    List.of("admins"),
                    SimulatedAws.texts(aws.iamEntity(MANAGEMENT, "users", "bob").path("groups")));
            long throttled = aws.server.stats().snapshot().throttled().values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            assertTrue(throttled >= 2, "the simulator throttled calls: " + throttled);
        }
    }

    @Test
    void throttlingThatOutlastsTheRetriesFailsTheWrite() throws Exception {
        try (SimulatedAws aws = new SimulatedAws(SimulatedAws::limitIamToOnePerSecond, 1)) {
            ProvisioningService service = new ProvisioningService(aws.provisioners("iam_user"));

            ProvisioningException e = assertThrows(
                    ProvisioningException.class,
                    () -> service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", BOB)));

            assertEquals(ProvisioningException.Kind.FAILED, e.kind());
            assertTrue(e.getMessage().contains("Throttling"), e.getMessage());
            assertEquals(
                    List.of(),
                    SimulatedAws.texts(aws.iamEntity(MANAGEMENT, "users", "bob").path("groups")));
        }
    }
}
