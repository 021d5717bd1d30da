package dev.baton.aws.simulator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

/**
 * The test world served by a real {@link SimulatorServer} on a free loopback port, with the JSON services and
 * the SCIM handler plugged in, and real SDK v2 clients (no retries, so throttling shows on the first call).
 */
final class JsonSimulator implements AutoCloseable {
    static final String CONNECTOR_KEY = "AKIACONNECTOR0000001";
    static final String RESTRICTED_KEY = "AKIARESTRICTED000001";
    static final String MEMBER_KEY = "AKIAMEMBER0000000001";
    private static final Map<String, String> SECRETS = Map.of(CONNECTOR_KEY, "connector-secret",
            RESTRICTED_KEY, "restricted-secret", MEMBER_KEY, "member-secret");

    final JsonWorld world;
    final SimulatorServer server;

    JsonSimulator() {
        this(tree -> {});
    }

    JsonSimulator(Consumer<ObjectNode> edit) {
        this.world = new JsonWorld(edit);
        this.server = SimulatorServer.builder(world.state)
                .jsonServices(JsonServices.create(world.state))
                .scimHandler(new ScimHandler(world.state))
                .build().start();
    }

    /** The fixture with {@code limits.ratePerSecond.<scope>} set, so a frozen clock allows exactly one call. */
    static JsonSimulator withRate(String scope, double perSecond) {
        return new JsonSimulator(tree -> ((ObjectNode) tree.get("limits")).putObject("ratePerSecond").put(scope, perSecond));
    }

    OrganizationsClient organizations(String accessKeyId) {
        return build(OrganizationsClient.builder(), accessKeyId);
    }

    SsoAdminClient ssoAdmin(String accessKeyId) {
        return build(SsoAdminClient.builder(), accessKeyId);
    }

    IdentitystoreClient identityStore(String accessKeyId) {
        return build(IdentitystoreClient.builder(), accessKeyId);
    }

    CloudTrailClient cloudTrail(String accessKeyId) {
        return build(CloudTrailClient.builder(), accessKeyId);
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String accessKeyId) {
        return builder.endpointOverride(server.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(accessKeyId, SECRETS.get(accessKeyId))))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** {@code GET /_simulator/world}: the world after writes, in the world-file format. */
    JsonNode worldFile() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + "/_simulator/world")).GET().build();
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            return JsonWorld.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
