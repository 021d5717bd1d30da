package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.testing.SimulatorExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/** STS through the real SDK: trust evaluation, external ids, deny, chaining and expiry on an injected clock. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StsContractTest {
    private static final String ROLE = "arn:aws:iam::111111111111:role/";

    @RegisterExtension
    static final SimulatorExtension fixture = SimulatorExtension.ofResource(
                    SimulatorExtension.SIMULATOR_WORLDS + "sts-world.json")
            .iamAndStsOnly();

    private StsClient connector;
    private StsClient other;

    @BeforeAll
    void start() {
        connector = fixture.sts(AwsBasicCredentials.create("AKIACONNECTOR0000001", "s1"));
        other = fixture.sts(AwsBasicCredentials.create("AKIAOTHER00000000001", "s2"));
    }

    private AssumeRoleResponse assume(StsClient sts, String role, String externalId) {
        return sts.assumeRole(b -> b.roleArn(role.startsWith("arn:") ? role : ROLE + role)
                .roleSessionName("test-session")
                .externalId(externalId));
    }

    private void assertDenied(StsClient sts, String role, String externalId) {
        StsException denied = assertThrows(StsException.class, () -> assume(sts, role, externalId));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals(403, denied.statusCode());
    }

    @Test
    void callerIdentityOfAUser() {
        GetCallerIdentityResponse identity = connector.getCallerIdentity();
        assertEquals("111111111111", identity.account());
        assertEquals("arn:aws:iam::111111111111:user/connector", identity.arn());
        assertTrue(identity.userId().startsWith("AIDA"));
    }

    @Test
    void assumeRoleTrustedByUserArnReturnsSessionCredentials() {
        java.time.Instant now = fixture.manualClock().instant();
        AssumeRoleResponse response = assume(connector, "ByUser", null);
        assertTrue(response.credentials().accessKeyId().matches("ASIA[A-Z2-7]{16}"));
        // min(DurationSeconds default 3600, limits.credentialLifetimeSeconds 1800)
        assertEquals(now.plusSeconds(1800), response.credentials().expiration());
        assertEquals(
                "arn:aws:sts::111111111111:assumed-role/ByUser/test-session",
                response.assumedRoleUser().arn());
        assertTrue(response.assumedRoleUser().assumedRoleId().matches("AROA[A-Z2-7]{17}:test-session"));
        StsClient session = fixture.sts(SimulatorExtension.session(response.credentials()));
        GetCallerIdentityResponse identity = session.getCallerIdentity();
        assertEquals(response.assumedRoleUser().arn(), identity.arn());
        assertEquals(response.assumedRoleUser().assumedRoleId(), identity.userId());
        assertDenied(other, "ByUser", null);
    }

    @Test
    void accountRootBareAccountIdAndStarPrincipalsTrustEveryCallerOfTheAccount() {
        assertEquals(
                "arn:aws:sts::111111111111:assumed-role/ByRoot/test-session",
                assume(other, "ops/ByRoot", null).assumedRoleUser().arn());
        assume(other, "ByAccountId", null);
        assume(other, "ByStar", null);
        assertDenied(connector, "ByRoot", null);
        assertDenied(connector, "ServiceOnly", null);
        assertDenied(connector, "Missing", null);
        assertDenied(connector, "arn:aws:iam::333333333333:role/CrossAccount", null);
    }

    @Test
    void externalIdIsRequiredAndMustMatch() {
        assertDenied(connector, "WithExternalId", null);
        assertDenied(connector, "WithExternalId", "ext-2");
        assume(connector, "WithExternalId", "ext-1");
    }

    @Test
    void denyStatementWinsOverAllow() {
        assume(connector, "DenyOther", null);
        assertDenied(other, "DenyOther", null);
    }

    @Test
    void callersDenyListRefusesAssumeRole() {
        StsClient nosts = fixture.sts(AwsBasicCredentials.create("AKIANOSTS00000000001", "s3"));
        StsException denied = assertThrows(StsException.class, () -> assume(nosts, "ByAccountId", null));
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals(
                "arn:aws:iam::111111111111:user/nosts",
                nosts.getCallerIdentity().arn());
    }

    @Test
    void chainedSessionsAreTrustedByRoleArnAndCappedAtOneHour() {
        StsClient firstHop = fixture.sts(
                SimulatorExtension.session(assume(connector, "ByUser", null).credentials()));
        AssumeRoleResponse second = assume(firstHop, "Hop2", null);
        assertEquals(
                "arn:aws:sts::111111111111:assumed-role/Hop2/test-session",
                second.assumedRoleUser().arn());
        assertDenied(connector, "Hop2", null);
        StsException tooLong = assertThrows(
                StsException.class,
                () -> firstHop.assumeRole(
                        b -> b.roleArn(ROLE + "Hop2").roleSessionName("x2").durationSeconds(7200)));
        assertEquals("ValidationError", tooLong.awsErrorDetails().errorCode());
        assertEquals(400, tooLong.statusCode());
        connector.assumeRole(
                b -> b.roleArn(ROLE + "Long").roleSessionName("long").durationSeconds(7200));
    }

    @Test
    void crossAccountSessionSeesTheOtherAccount() {
        AwsCredentials credentials =
                SimulatorExtension.session(assume(connector, "arn:aws:iam::222222222222:role/CrossAccount", null)
                        .credentials());
        IamClient iam = fixture.iam(credentials);
        assertEquals(
                List.of("CrossAccount"),
                iam.listRoles().roles().stream().map(Role::roleName).toList());
        assertEquals(
                "222222222222", fixture.sts(credentials).getCallerIdentity().account());
    }

    @Test
    void sessionCredentialsExpire() {
        AssumeRoleResponse response = connector.assumeRole(
                b -> b.roleArn(ROLE + "ByAccountId").roleSessionName("short").durationSeconds(900));
        AwsCredentials credentials = SimulatorExtension.session(response.credentials());
        StsClient session = fixture.sts(credentials);
        IamClient iam = fixture.iam(credentials);
        fixture.manualClock().advance(Duration.ofSeconds(899));
        session.getCallerIdentity();
        fixture.manualClock().advance(Duration.ofSeconds(1));
        StsException expired = assertThrows(StsException.class, session::getCallerIdentity);
        assertEquals("ExpiredToken", expired.awsErrorDetails().errorCode());
        IamException expiredIam = assertThrows(IamException.class, iam::listRoles);
        assertEquals("ExpiredToken", expiredIam.awsErrorDetails().errorCode());
        assertEquals(403, expiredIam.statusCode());
    }

    @Test
    void unknownAccessKeyIsInvalidClientTokenId() {
        StsClient unknown = fixture.sts(AwsBasicCredentials.create("AKIANOBODY0000000001", "x"));
        StsException error = assertThrows(StsException.class, unknown::getCallerIdentity);
        assertEquals("InvalidClientTokenId", error.awsErrorDetails().errorCode());
        assertEquals(403, error.statusCode());
    }
}
