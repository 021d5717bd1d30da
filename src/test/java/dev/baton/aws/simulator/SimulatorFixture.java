package dev.baton.aws.simulator;

import dev.baton.aws.testing.ManualClock;

import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.simulator.world.WorldState;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** A simulator on a free loopback port with a hand-driven clock, plus real SDK clients pointed at it. */
public final class SimulatorFixture implements AutoCloseable {
    public static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    public final ManualClock clock = new ManualClock(START);
    public final SimulatorServer server;

    public SimulatorFixture(String worldJson) {
        this(worldJson, builder -> builder);
    }

    public SimulatorFixture(String worldJson, java.util.function.UnaryOperator<SimulatorServer.Builder> options) {
        World world = new WorldLoader().load(worldJson);
        this.server = options.apply(SimulatorServer.builder(new WorldState(world, clock))).build().start();
    }

    public static String resource(String name) {
        try (InputStream in = SimulatorFixture.class.getResourceAsStream("/dev/baton/aws/simulator/world/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public IamClient iam(String accessKeyId, String secret) {
        return iam(AwsBasicCredentials.create(accessKeyId, secret));
    }

    public IamClient iam(AwsCredentials credentials) {
        return IamClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public StsClient sts(AwsCredentials credentials) {
        return StsClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    public static AwsCredentials session(Credentials credentials) {
        return AwsSessionCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials.sessionToken());
    }

    /** A raw HTTP call to the control surface. */
    public HttpResponse<String> control(String method, String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
