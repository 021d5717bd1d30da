package dev.baton.aws.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.baton.aws.testing.SimulatorExtension;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** SigV4 signatures are checked against the caller's secret key, through the real SDK clients. */
class SignatureVerificationTest {
    private static final String KEY = "AKIACONNECTOR0000001";
    private static final String SECRET = "connector-secret";

    private static SimulatorExtension fixture(boolean verify) {
        return SimulatorExtension.ofResource(SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                .iamAndStsOnly()
                .server(b -> {
                    b.verifySignatures(verify);
                    return b;
                })
                .start();
    }

    @Test
    void theRightSecretPassesInAnyRegion() {
        try (SimulatorExtension fixture = fixture(true);
                IamClient iam = fixture.iam(KEY, SECRET);
                IamClient global = IamClient.builder()
                        .endpointOverride(fixture.server().endpoint())
                        .region(Region.AWS_GLOBAL)
                        .httpClient(UrlConnectionHttpClient.create())
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
                        .build()) {
            assertEquals("connector", iam.getUser().user().userName());
            assertEquals("connector", global.getUser().user().userName());
        }
    }

    @Test
    void aWrongSecretIsSignatureDoesNotMatchForQueryServices() {
        try (SimulatorExtension fixture = fixture(true);
                IamClient iam = fixture.iam(KEY, "not-the-secret")) {
            AwsServiceException e = assertThrows(AwsServiceException.class, iam::getUser);
            assertEquals(403, e.statusCode());
            assertEquals("SignatureDoesNotMatch", e.awsErrorDetails().errorCode());
            assertEquals(
                    "The request signature we calculated does not match the signature you provided. Check your"
                            + " AWS Secret Access Key and signing method. Consult the service documentation for details.",
                    e.awsErrorDetails().errorMessage());
        }
    }

    @Test
    void aWrongSecretIsInvalidSignatureExceptionForJsonServices() {
        try (SimulatorExtension fixture = SimulatorExtension.ofResource(
                                SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                        .systemClock()
                        .withoutScim()
                        .start();
                OrganizationsClient organizations = fixture.client(
                        OrganizationsClient.builder(), AwsBasicCredentials.create(KEY, "not-the-secret"))) {
            AwsServiceException e = assertThrows(AwsServiceException.class, organizations::listRoots);
            assertEquals(400, e.statusCode());
            assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void anUnknownKeyIsInvalidClientTokenId() {
        try (SimulatorExtension fixture = fixture(true);
                IamClient iam = fixture.iam("AKIAUNKNOWN000000001", SECRET)) {
            AwsServiceException e = assertThrows(AwsServiceException.class, iam::getUser);
            assertEquals("InvalidClientTokenId", e.awsErrorDetails().errorCode());
        }
    }

    @Test
    void sessionsAreCheckedWithTheirIssuedSecretAndToken() {
        try (SimulatorExtension fixture = SimulatorExtension.ofResource(
                        SimulatorExtension.SIMULATOR_WORLDS + "sts-world.json")
                .iamAndStsOnly()
                .start()) {
            Credentials issued = fixture.sts(AwsBasicCredentials.create(KEY, "s1"))
                    .assumeRole(r ->
                            r.roleArn("arn:aws:iam::111111111111:role/ByStar").roleSessionName("checked"))
                    .credentials();
            try (IamClient good = fixture.iam(SimulatorExtension.session(issued));
                    IamClient wrongSecret = fixture.iam(
                            AwsSessionCredentials.create(issued.accessKeyId(), "wrong", issued.sessionToken()));
                    IamClient wrongToken = fixture.iam(AwsSessionCredentials.create(
                            issued.accessKeyId(), issued.secretAccessKey(), "forged-token"))) {
                good.listUsers();
                assertEquals(
                        "SignatureDoesNotMatch",
                        assertThrows(AwsServiceException.class, wrongSecret::listUsers)
                                .awsErrorDetails()
                                .errorCode());
                assertEquals(
                        "InvalidClientTokenId",
                        assertThrows(AwsServiceException.class, wrongToken::listUsers)
                                .awsErrorDetails()
                                .errorCode());
            }
        }
    }

    @Test
    void withVerificationOffAnySecretPasses() {
        try (SimulatorExtension fixture = fixture(false);
                IamClient iam = fixture.iam(KEY, "not-the-secret")) {
            assertEquals("connector", iam.getUser().user().userName());
        }
    }

    @Test
    void theWorldFileTurnsVerificationOff() {
        String world = SimulatorExtension.resource(SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                .replaceFirst("\\{", "{ \"faults\": { \"verifySignatures\": false },");
        try (SimulatorExtension fixture =
                        SimulatorExtension.ofJson(world).iamAndStsOnly().start();
                IamClient iam = fixture.iam(KEY, "wrong")) {
            assertEquals("connector", iam.getUser().user().userName());
        }
    }
}
