package dev.baton.aws.provisioning;

import dev.baton.aws.config.ProvisioningRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the grant/revoke matrix tests share: one sync file written from the fixture, and per test a fresh simulator
 * ({@link SimulatedAws}) with the provisioners a run registers, reached through one-shot requests.
 */
abstract class SimulatedProvisioningTest {
    @TempDir
    static Path dir;

    static Path syncFile;
    SimulatedAws aws;
    ProvisioningService service;

    @BeforeAll
    static void writeSyncFile() throws Exception {
        syncFile = SyncFileFixture.write(dir);
    }

    @BeforeEach
    void start() {
        aws = newAws();
        service = new ProvisioningService(aws.provisioners("iam_user"));
    }

    /** The simulator a test runs against; subclasses change its world (e.g. sparse replies). */
    SimulatedAws newAws() {
        return new SimulatedAws();
    }

    @AfterEach
    void stop() {
        aws.close();
    }

    Outcome grant(String entitlementId, String principalType, String principalId) throws Exception {
        return service.run(ProvisioningRequest.grant(syncFile, entitlementId, principalType, principalId));
    }

    Outcome revoke(String grantId) throws Exception {
        return service.run(ProvisioningRequest.revoke(syncFile, grantId));
    }
}
