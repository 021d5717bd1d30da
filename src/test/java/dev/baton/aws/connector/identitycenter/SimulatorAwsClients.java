package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Test-only {@link AwsClients}: real SDK clients pointed at an in-process simulator, with static keys from the
 * world file and no retries (a simulator fault must show at once, not after seconds of backoff). Only the services
 * the Identity Center and Organizations syncers use are built.
 */
public final class SimulatorAwsClients implements AwsClients, AutoCloseable {
    private final URI endpoint;
    private final StaticCredentialsProvider credentials;
    private final Region region;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final List<SdkAutoCloseable> built = new ArrayList<>();
    private final OrganizationsClient organizations;
    private final SsoAdminClient ssoAdmin;
    private final IdentitystoreClient identityStore;
    private final CloudTrailClient cloudTrail;

    public SimulatorAwsClients(URI endpoint, String accessKeyId, String secretAccessKey, String ssoRegion) {
        this.endpoint = requireNonNull(endpoint, "endpoint is null");
        this.credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey));
        this.region = Region.of(ssoRegion);
        this.organizations = configure(OrganizationsClient.builder(), Region.US_EAST_1).build();
        this.ssoAdmin = configure(SsoAdminClient.builder(), region).build();
        this.identityStore = configure(IdentitystoreClient.builder(), region).build();
        this.cloudTrail = configure(CloudTrailClient.builder(), region).build();
        built.addAll(List.of(organizations, ssoAdmin, identityStore, cloudTrail));
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>>
            B configure(B builder, Region clientRegion) {
        return builder.endpointOverride(endpoint)
                .region(clientRegion)
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1)).build());
    }

    @Override
    public String callerAccountId() throws AwsCallException {
        throw new UnsupportedOperationException("not used by the Identity Center syncers");
    }

    @Override
    public IamClient iam() {
        throw new UnsupportedOperationException("not used by the Identity Center syncers");
    }

    @Override
    public IamClient iam(String accountId) {
        throw new UnsupportedOperationException("not used by the Identity Center syncers");
    }

    @Override
    public StsClient sts() {
        throw new UnsupportedOperationException("not used by the Identity Center syncers");
    }

    @Override
    public OrganizationsClient organizations() {
        return organizations;
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        return ssoAdmin;
    }

    @Override
    public IdentitystoreClient identityStore() {
        return identityStore;
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return cloudTrail;
    }

    @Override
    public void close() {
        built.forEach(SdkAutoCloseable::close);
        http.close();
    }
}
