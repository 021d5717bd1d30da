package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.testing.SimulatorExtension;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/**
 * The simulator's credential endpoints through the SDK's own clients: AssumeRoleWithWebIdentity, the SSO portal,
 * SSO OIDC CreateToken, IMDSv2 and container credentials, each with AWS's error codes and wording, and each issuing
 * sessions the simulator's STS then recognises.
 */
class CredentialEndpointsContractTest {
    private static final String PREFIX = "eyJhbGciOiJSUzI1NiJ9.service-account-token-";
    private static final String IRSA = "arn:aws:iam::111111111111:role/Irsa";

    @RegisterExtension
    final SimulatorExtension sim = SimulatorExtension.ofJson(world()).iamAndStsOnly();

    private static String world() {
        try (InputStream in = CredentialEndpointsContractTest.class.getResourceAsStream(
                "/dev/baton/aws/aws/credential-sources-world.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private StsClient anonymousSts() {
        return StsClient.builder()
                .endpointOverride(sim.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private AwsServiceException webIdentityFailure(String token) {
        try (StsClient sts = anonymousSts()) {
            return assertThrows(
                    AwsServiceException.class,
                    () -> sts.assumeRoleWithWebIdentity(
                            r -> r.roleArn(IRSA).roleSessionName("pod").webIdentityToken(token)));
        }
    }

    private String callerArn(String accessKeyId, String secret, String token) {
        try (StsClient sts = sim.sts(AwsSessionCredentials.create(accessKeyId, secret, token))) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void webIdentityTokenOfTheTrustedServiceAccountGetsARoleSession() {
        try (StsClient sts = anonymousSts()) {
            AssumeRoleWithWebIdentityResponse response = sts.assumeRoleWithWebIdentity(
                    r -> r.roleArn(IRSA).roleSessionName("pod").webIdentityToken(PREFIX + "baton.c2lnbmF0dXJl"));
            assertEquals("system:serviceaccount:baton:baton-aws", response.subjectFromWebIdentityToken());
            assertEquals(
                    "arn:aws:sts::111111111111:assumed-role/Irsa/pod",
                    callerArn(
                            response.credentials().accessKeyId(),
                            response.credentials().secretAccessKey(),
                            response.credentials().sessionToken()));
        }
    }

    @Test
    void webIdentityFailuresUseAwsCodesAndWords() {
        AwsServiceException untrusted = webIdentityFailure(PREFIX + "other.c2lnbmF0dXJl");
        assertEquals("AccessDenied", untrusted.awsErrorDetails().errorCode());
        assertEquals(
                "Not authorized to perform sts:AssumeRoleWithWebIdentity",
                untrusted.awsErrorDetails().errorMessage());
        assertEquals(
                "InvalidIdentityToken",
                webIdentityFailure("not-a-known-token").awsErrorDetails().errorCode());
        AwsServiceException audience = webIdentityFailure(PREFIX + "audience.c2lnbmF0dXJl");
        assertEquals("Incorrect token audience", audience.awsErrorDetails().errorMessage());
        AwsServiceException expired = webIdentityFailure(PREFIX + "expired.c2lnbmF0dXJl");
        assertEquals("ExpiredTokenException", expired.awsErrorDetails().errorCode());
        assertTrue(expired.awsErrorDetails().errorMessage().startsWith("Token expired: current date/time "));
    }

    private SsoClient portal() {
        return SsoClient.builder()
                .endpointOverride(sim.server().endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private RoleCredentials roleCredentials(SsoClient portal, String token) {
        return portal.getRoleCredentials(
                        r -> r.accessToken(token).accountId("111111111111").roleName("BatonReadOnly"))
                .roleCredentials();
    }

    @Test
    void ssoPortalHandsOutThePermissionSetRoleOnlyToAssignedUsers() {
        try (SsoClient portal = portal()) {
            RoleCredentials alice = roleCredentials(portal, "aoaSsoAccessTokenAlice0123456789");
            assertTrue(callerArn(alice.accessKeyId(), alice.secretAccessKey(), alice.sessionToken())
                    .matches("arn:aws:sts::111111111111:assumed-role/AWSReservedSSO_BatonReadOnly_[0-9a-f]+/alice"));
            assertTrue(alice.expiration() > System.currentTimeMillis() - 86_400_000L * 365 * 10, "epoch millis");

            AwsServiceException bob = assertThrows(
                    AwsServiceException.class, () -> roleCredentials(portal, "aoaSsoAccessTokenBob0123456789"));
            assertEquals("ForbiddenException", bob.awsErrorDetails().errorCode());
            AwsServiceException unknown =
                    assertThrows(AwsServiceException.class, () -> roleCredentials(portal, "aoaUnknown"));
            assertEquals("UnauthorizedException", unknown.awsErrorDetails().errorCode());
            assertEquals(401, unknown.statusCode());
        }
    }

    @Test
    void ssoOidcRefreshIssuesAnAccessTokenThePortalAccepts() {
        try (SsoOidcClient oidc = SsoOidcClient.builder()
                        .endpointOverride(sim.server().endpoint())
                        .region(Region.US_EAST_1)
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .httpClient(UrlConnectionHttpClient.create())
                        .build();
                SsoClient portal = portal()) {
            String token = oidc.createToken(r -> r.clientId("c")
                            .clientSecret("s")
                            .grantType("refresh_token")
                            .refreshToken("aorSsoRefreshTokenAlice0123456789"))
                    .accessToken();
            assertTrue(roleCredentials(portal, token).accessKeyId().startsWith("ASIA"));
            AwsServiceException bad = assertThrows(
                    AwsServiceException.class,
                    () -> oidc.createToken(r -> r.clientId("c")
                            .clientSecret("s")
                            .grantType("refresh_token")
                            .refreshToken("wrong")));
            assertEquals("InvalidGrantException", bad.awsErrorDetails().errorCode());
        }
    }

    @Test
    void instanceMetadataRequiresTheSessionToken() throws Exception {
        assertEquals(
                401,
                http("GET", "/latest/meta-data/iam/security-credentials/", null, null)
                        .statusCode());
        assertEquals(400, http("PUT", "/latest/api/token", null, null).statusCode());
        String token = http("PUT", "/latest/api/token", "X-aws-ec2-metadata-token-ttl-seconds", "60")
                .body();
        HttpResponse<String> list =
                http("GET", "/latest/meta-data/iam/security-credentials/", "X-aws-ec2-metadata-token", token);
        assertEquals("Ec2Instance", list.body());
        HttpResponse<String> credentials = http(
                "GET", "/latest/meta-data/iam/security-credentials/Ec2Instance", "X-aws-ec2-metadata-token", token);
        assertTrue(credentials.body().contains("\"Code\":\"Success\""), credentials.body());
    }

    @Test
    void containerCredentialsRequireTheAuthorizationToken() throws Exception {
        assertEquals(
                401, http("GET", "/v2/credentials/x", "Authorization", "wrong").statusCode());
        HttpResponse<String> ok =
                http("GET", "/v2/credentials/x", "Authorization", "container-authorization-token-7f3a");
        assertTrue(ok.body().contains("\"RoleArn\":\"arn:aws:iam::111111111111:role/EcsTask\""), ok.body());
    }

    private HttpResponse<String> http(String method, String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(sim.server().endpoint() + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (header != null) {
            request.header(header, value);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
