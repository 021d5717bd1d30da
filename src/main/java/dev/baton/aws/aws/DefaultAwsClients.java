package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.OrganizationConfig;
import dev.baton.aws.config.RateLimitConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
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
 * The run's SDK clients. All use the URLConnection HTTP client and the SDK's default endpoint resolution (so
 * {@code AWS_ENDPOINT_URL*}, {@code AWS_MAX_ATTEMPTS} and {@code AWS_RETRY_MODE} apply) unless the settings carry
 * an endpoint override. Each client gets a {@link PacingInterceptor} for its service scope when it is built.
 * Clients are created lazily and once; child-account IAM clients are created once per account even when many
 * threads ask at the same time, and a failed creation is not cached so a later call may retry.
 */
public final class DefaultAwsClients implements AwsClients, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DefaultAwsClients.class);
    static final String CHILD_SESSION_NAME = "BatonCrossAccountSession";
    static final int CHILD_SESSION_SECONDS = 3600;

    private final OrganizationConfig organization;
    private final RateLimitConfig rateLimits;
    private final AwsClientSettings settings;
    private final Region region;
    private volatile String partition;
    private final SdkHttpClient httpClient;
    private final AwsCallStats stats = new AwsCallStats();
    private final AwsGateway gateway;
    private final Map<ServiceScope, AdaptiveRateLimiter> limiters = new ConcurrentHashMap<>();
    private final Map<String, AdaptiveRateLimiter> iamLimiters = new ConcurrentHashMap<>();
    private final Map<String, SdkAutoCloseable> clients = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<IamClient>> childIam = new ConcurrentHashMap<>();
    private final List<SdkAutoCloseable> owned = new ArrayList<>();
    private final AwsCredentialsProvider credentials;
    private volatile String callerAccountId;
    private final Object callerLock = new Object();

    private DefaultAwsClients(
            CredentialsConfig config,
            OrganizationConfig organization,
            RateLimitConfig rateLimits,
            AwsClientSettings settings)
            throws AwsCallException {
        this.organization = requireNonNull(organization, "organization is null");
        this.rateLimits = requireNonNull(rateLimits, "rateLimits is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.httpClient = UrlConnectionHttpClient.builder()
                .socketTimeout(settings.readTimeout())
                .build();
        this.gateway = AwsGateway.withBudget(settings.retry());
        this.region = ConnectorCredentials.region(config);
        this.partition =
                Arn.isArn(config.roleArn()) ? Arn.parse(config.roleArn()).partition() : "aws";
        AwsCredentialsProvider base = ConnectorCredentials.base(config);
        this.credentials = ConnectorCredentials.connector(config, base, this::ownedSts, settings.clock(), gateway);
    }

    /**
     * Builds the clients and assumes the configured role(s) eagerly.
     *
     * @throws AwsCallException when a hop fails: names the role ARN and the AWS error code (hop 1 of two-hop mode
     *                          only says "internal binding error")
     */
    public static DefaultAwsClients create(
            CredentialsConfig config,
            OrganizationConfig organization,
            RateLimitConfig rateLimits,
            AwsClientSettings settings)
            throws AwsCallException {
        requireNonNull(config, "config is null");
        return new DefaultAwsClients(config, organization, rateLimits, settings);
    }

    @Override
    public AwsGateway gateway() {
        return gateway;
    }

    public AwsCallStats stats() {
        return stats;
    }

    /**
     * Asked once: workers that start at the same moment wait for the first answer instead of each calling
     * {@code GetCallerIdentity} (the sync benchmark saw five calls where one suffices).
     */
    @Override
    public String callerAccountId() throws AwsCallException {
        String known = callerAccountId;
        if (known != null) {
            return known;
        }
        synchronized (callerLock) {
            return lookUpCallerAccountId();
        }
    }

    private String lookUpCallerAccountId() throws AwsCallException {
        String account = callerAccountId;
        if (account == null) {
            AwsOperation operation = AwsOperation.of("sts", "GetCallerIdentity");
            var identity = gateway.call(operation, () -> sts().getCallerIdentity());
            // Every member of the answer is optional in AWS's model: the account also stands in the caller's ARN.
            Arn arn = Arn.isArn(identity.arn()) ? Arn.parse(identity.arn()) : null;
            account = AwsValues.firstText(identity.account(), arn == null ? null : arn.accountId());
            if (account.isEmpty()) {
                throw new AwsCallException(
                        operation,
                        ErrorKind.OTHER,
                        "IncompleteResponse",
                        "the answer names neither Account nor Arn",
                        null);
            }
            if (arn != null) {
                partition = arn.partition(); // aws-us-gov, aws-cn: child role ARNs follow
            }
            log.info("calling AWS as {} (account {})", AwsValues.text(identity.arn()), account);
            callerAccountId = account;
        }
        return account;
    }

    @Override
    public IamClient iam() {
        return client(
                "iam",
                () -> configure(IamClient.builder(), region, credentials, ServiceScope.IAM, iamLimiter("self"))
                        .build());
    }

    @Override
    public IamClient iam(String accountId) throws AwsCallException {
        requireNonNull(accountId, "accountId is null");
        if (accountId.equals(callerAccountId())) {
            return iam();
        }
        CompletableFuture<IamClient> mine = new CompletableFuture<>();
        CompletableFuture<IamClient> existing = childIam.putIfAbsent(accountId, mine);
        if (existing == null) {
            try {
                mine.complete(createChildIam(accountId));
            } catch (AwsCallException | RuntimeException e) {
                childIam.remove(accountId, mine);
                mine.completeExceptionally(e);
            }
        }
        try {
            return (existing == null ? mine : existing).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AwsCallException call) {
                throw call;
            }
            throw e;
        }
    }

    private IamClient createChildIam(String accountId) throws AwsCallException {
        String roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + organization.iamAssumeRoleName();
        AssumeRoleCredentialsProvider child = new AssumeRoleCredentialsProvider(
                sts(), roleArn, "", CHILD_SESSION_NAME, CHILD_SESSION_SECONDS, settings.clock());
        try {
            ConnectorCredentials.resolveEagerly(gateway, child, accountId, null, false);
        } catch (AwsCallException e) {
            log.warn("Failed to assume role (roleArn={}, error={})", roleArn, e.errorCode());
            throw e;
        }
        IamClient client = configure(IamClient.builder(), region, child, ServiceScope.IAM, iamLimiter(accountId))
                .build();
        synchronized (owned) {
            owned.add(client);
        }
        return client;
    }

    @Override
    public StsClient sts() {
        return client(
                "sts",
                () -> configure(StsClient.builder(), region, credentials, ServiceScope.STS, limiter(ServiceScope.STS))
                        .build());
    }

    @Override
    public OrganizationsClient organizations() {
        return client(
                "organizations",
                () -> configure(
                                OrganizationsClient.builder(),
                                region,
                                credentials,
                                ServiceScope.ORGANIZATIONS,
                                limiter(ServiceScope.ORGANIZATIONS))
                        .build());
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        return client(
                "ssoadmin",
                () -> configure(
                                SsoAdminClient.builder(),
                                ssoRegion(),
                                credentials,
                                ServiceScope.IDENTITY_CENTER,
                                limiter(ServiceScope.IDENTITY_CENTER))
                        .build());
    }

    @Override
    public IdentitystoreClient identityStore() {
        return client(
                "identitystore",
                () -> configure(
                                IdentitystoreClient.builder(),
                                ssoRegion(),
                                credentials,
                                ServiceScope.IDENTITY_CENTER,
                                limiter(ServiceScope.IDENTITY_CENTER))
                        .build());
    }

    @Override
    public CloudTrailClient cloudTrail() {
        return client(
                "cloudtrail",
                () -> configure(
                                CloudTrailClient.builder(),
                                ssoRegion(),
                                credentials,
                                ServiceScope.CLOUDTRAIL,
                                limiter(ServiceScope.CLOUDTRAIL))
                        .build());
    }

    private Region ssoRegion() {
        return organization.ssoRegion().isEmpty() ? region : Region.of(organization.ssoRegion());
    }

    @SuppressWarnings("unchecked")
    private <C extends SdkAutoCloseable> C client(String key, Supplier<C> factory) {
        return (C) clients.computeIfAbsent(key, k -> factory.get());
    }

    /** STS clients that only back a credential hop; closed with this object. */
    private StsClient ownedSts(AwsCredentialsProvider provider) {
        StsClient client = configure(StsClient.builder(), region, provider, ServiceScope.STS, limiter(ServiceScope.STS))
                .build();
        synchronized (owned) {
            owned.add(client);
        }
        return client;
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(
            B builder,
            Region clientRegion,
            AwsCredentialsProvider provider,
            ServiceScope scope,
            AdaptiveRateLimiter limiter) {
        builder.region(clientRegion)
                .credentialsProvider(provider)
                .overrideConfiguration(o -> o.addExecutionInterceptor(new PacingInterceptor(scope, limiter, stats)));
        if (builder instanceof AwsSyncClientBuilder<?, ?> sync) {
            sync.httpClient(httpClient);
        }
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder;
    }

    private AdaptiveRateLimiter limiter(ServiceScope scope) {
        return limiters.computeIfAbsent(scope, s -> new AdaptiveRateLimiter(rateOf(s), System::nanoTime));
    }

    private AdaptiveRateLimiter iamLimiter(String accountKey) {
        return iamLimiters.computeIfAbsent(
                accountKey, k -> new AdaptiveRateLimiter(rateLimits.iamPerAccount(), System::nanoTime));
    }

    private double rateOf(ServiceScope scope) {
        return switch (scope) {
            case IAM -> rateLimits.iamPerAccount();
            case STS -> rateLimits.sts();
            case ORGANIZATIONS -> rateLimits.organizations();
            case IDENTITY_CENTER -> rateLimits.identityCenter();
            case CLOUDTRAIL -> rateLimits.cloudTrail();
        };
    }

    @Override
    public void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        synchronized (owned) {
            owned.forEach(SdkAutoCloseable::close);
        }
        httpClient.close();
    }
}
