package dev.baton.aws.testing;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Test-only {@link AwsClients}: real SDK clients pointed at an in-process simulator (see
 * {@link SimulatorExtension#clients()}), signed with fixed credentials and, unless a test gives a retry strategy, no
 * retries (a simulator fault must show at once, not after seconds of backoff). Organizations is in us-east-1, SSO
 * Admin, Identity Store and CloudTrail in the Identity Center region; each client is built on first use.
 *
 * <p>Unlike {@code DefaultAwsClients} it assumes no roles: {@link #iam(String)} of another account answers only
 * for accounts given a key of their own ({@link Builder#account}).
 */
public final class SimulatorAwsClients implements AwsClients, AutoCloseable {
    private final URI endpoint;
    private final StaticCredentialsProvider credentials;
    private final Region region;
    private final RetryStrategy retry;
    private final String callerAccountId;
    private final Map<String, AwsCredentials> accountCredentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.builder().build();
    private final List<SdkAutoCloseable> built = new ArrayList<>();
    private final Map<String, IamClient> accountIam = new HashMap<>();
    private IamClient iam;
    private StsClient sts;
    private OrganizationsClient organizations;
    private SsoAdminClient ssoAdmin;
    private IdentitystoreClient identityStore;
    private CloudTrailClient cloudTrail;

    /** Clients signed with a long-term key, Identity Center in {@code ssoRegion}, no retries. */
    public SimulatorAwsClients(URI endpoint, String accessKeyId, String secretAccessKey, String ssoRegion) {
        this(builder(endpoint)
                .credentials(AwsBasicCredentials.create(accessKeyId, secretAccessKey))
                .ssoRegion(ssoRegion));
    }

    private SimulatorAwsClients(Builder builder) {
        this.endpoint = requireNonNull(builder.endpoint, "endpoint is null");
        this.credentials = StaticCredentialsProvider.create(requireNonNull(builder.credentials, "credentials"));
        this.region = Region.of(builder.ssoRegion);
        this.retry = builder.retry;
        this.callerAccountId = builder.callerAccountId;
        this.accountCredentials = Map.copyOf(builder.accounts);
    }

    public static Builder builder(URI endpoint) {
        return new Builder(endpoint);
    }

    /** What the clients sign with and how they retry. */
    public static final class Builder {
        private final URI endpoint;
        private AwsCredentials credentials;
        private String ssoRegion = "us-east-1";
        private RetryStrategy retry;
        private String callerAccountId;
        private final Map<String, AwsCredentials> accounts = new HashMap<>();

        private Builder(URI endpoint) {
            this.endpoint = endpoint;
        }

        /** The caller's credentials (a long-term key or an assumed role's session). */
        public Builder credentials(AwsCredentials value) {
            this.credentials = value;
            return this;
        }

        /** The Identity Center region (us-east-1 unless set). */
        public Builder ssoRegion(String value) {
            this.ssoRegion = value;
            return this;
        }

        /** Retries as {@code value} does, instead of one attempt per call. */
        public Builder retryStrategy(RetryStrategy value) {
            this.retry = value;
            return this;
        }

        /** {@link AwsClients#callerAccountId()} answers {@code value} without calling STS. */
        public Builder callerAccountId(String value) {
            this.callerAccountId = value;
            return this;
        }

        /** {@link AwsClients#iam(String)} of {@code accountId} signs with {@code value}. */
        public Builder account(String accountId, AwsCredentials value) {
            accounts.put(accountId, value);
            return this;
        }

        public SimulatorAwsClients build() {
            return new SimulatorAwsClients(this);
        }
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
            B builder, Region clientRegion, AwsCredentials signer) {
        return builder.endpointOverride(endpoint)
                .region(clientRegion)
                .credentialsProvider(signer == null ? credentials : StaticCredentialsProvider.create(signer))
                .httpClient(http)
                .overrideConfiguration(o -> {
                    if (retry == null) {
                        o.retryStrategy(b -> b.maxAttempts(1));
                    } else {
                        o.retryStrategy(retry);
                    }
                });
    }

    private synchronized <T extends SdkAutoCloseable> T keep(T current, Supplier<T> create) {
        if (current != null) {
            return current;
        }
        T client = create.get();
        built.add(client);
        return client;
    }

    @Override
    public String callerAccountId() {
        return callerAccountId != null
                ? callerAccountId
                : sts().getCallerIdentity().account();
    }

    @Override
    public synchronized IamClient iam() {
        iam = keep(
                iam,
                () -> configure(IamClient.builder(), Region.US_EAST_1, null).build());
        return iam;
    }

    @Override
    public synchronized IamClient iam(String accountId) {
        AwsCredentials key = accountCredentials.get(accountId);
        if (key != null) {
            return accountIam.computeIfAbsent(
                    accountId,
                    id -> keep(
                            null,
                            () -> configure(IamClient.builder(), Region.US_EAST_1, key)
                                    .build()));
        }
        if (accountId.equals(callerAccountId)) {
            return iam();
        }
        throw new AssertionError("the test world has no key for account " + accountId);
    }

    @Override
    public synchronized StsClient sts() {
        sts = keep(
                sts,
                () -> configure(StsClient.builder(), Region.US_EAST_1, null).build());
        return sts;
    }

    @Override
    public synchronized OrganizationsClient organizations() {
        organizations = keep(
                organizations,
                () -> configure(OrganizationsClient.builder(), Region.US_EAST_1, null)
                        .build());
        return organizations;
    }

    @Override
    public synchronized SsoAdminClient ssoAdmin() {
        ssoAdmin = keep(
                ssoAdmin,
                () -> configure(SsoAdminClient.builder(), region, null).build());
        return ssoAdmin;
    }

    @Override
    public synchronized IdentitystoreClient identityStore() {
        identityStore = keep(
                identityStore,
                () -> configure(IdentitystoreClient.builder(), region, null).build());
        return identityStore;
    }

    @Override
    public synchronized CloudTrailClient cloudTrail() {
        cloudTrail = keep(
                cloudTrail,
                () -> configure(CloudTrailClient.builder(), region, null).build());
        return cloudTrail;
    }

    @Override
    public synchronized void close() {
        built.forEach(SdkAutoCloseable::close);
        built.clear();
        http.close();
    }
}
