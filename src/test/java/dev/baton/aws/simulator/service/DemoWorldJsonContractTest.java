package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.world.ConnectorAccess;
import dev.baton.aws.simulator.world.DemoWorld;
import dev.baton.aws.simulator.world.IdentityCenter;
import dev.baton.aws.simulator.world.World;
import dev.baton.aws.testing.SimulatorExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The demo world as the connector reaches it: through its assumed role, with every JSON service and SCIM. */
class DemoWorldJsonContractTest {
    private static final World world = DemoWorld.create();

    @RegisterExtension
    static final SimulatorExtension server =
            SimulatorExtension.of(world).startingAt(Instant.parse("2025-01-22T00:00:00Z"));

    private static AwsCredentials session;

    @BeforeAll
    static void start() {
        ConnectorAccess access = ConnectorAccess.find(world).orElseThrow();
        try (StsClient sts = StsClient.builder()
                .endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        access.accessKeyId(), access.secretAccessKey().value())))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            Credentials credentials = sts.assumeRole(r ->
                            r.roleArn(access.roleArn()).roleSessionName("demo").externalId(access.externalId()))
                    .credentials();
            session = AwsSessionCredentials.create(
                    credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken());
        }
    }

    @Test
    void connectorRoleSeesTheOrganizationAndIdentityCenter() {
        IdentityCenter identityCenter = world.identityCenter();
        try (OrganizationsClient organizations =
                        configure(OrganizationsClient.builder()).build();
                SsoAdminClient sso = configure(SsoAdminClient.builder()).build();
                IdentitystoreClient store =
                        configure(IdentitystoreClient.builder()).build()) {
            long accounts = organizations.listAccountsPaginator(r -> {}).stream()
                    .mapToLong(page -> page.accounts().size())
                    .sum();
            assertEquals(world.accounts().size(), accounts);
            assertEquals(
                    identityCenter.instanceArn(),
                    sso.listInstances(r -> {}).instances().get(0).instanceArn());
            assertEquals(
                    identityCenter.permissionSets().size(),
                    sso
                            .listPermissionSetsPaginator(r -> r.instanceArn(identityCenter.instanceArn()))
                            .permissionSets()
                            .stream()
                            .count());
            assertEquals(
                    identityCenter.users().size(),
                    store.listUsersPaginator(r -> r.identityStoreId(identityCenter.identityStoreId())).users().stream()
                            .count());
        }
    }

    @Test
    void scimAnswersWithTheDemoToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/scim/v2/Users"))
                .header(
                        "Authorization",
                        "Bearer " + world.identityCenter().scimToken().value())
                .GET()
                .build();
        HttpResponse<String> response = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode body = JsonWorld.JSON.readTree(response.body());
        assertEquals(
                world.identityCenter().users().size(), body.get("totalResults").asInt());
        assertTrue(body.get("Resources").get(0).has("active"));
        assertFalse(response.body().contains(world.identityCenter().scimToken().value()));
    }

    private static <
                    B extends
                            software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, ?>
                                    & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder) {
        builder.httpClient(UrlConnectionHttpClient.create());
        return builder.endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(session))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }
}
