package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.config.CredentialsConfig;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The connector's own identity: base credentials (static keys or the SDK default chain), then none, one or two
 * {@code sts:AssumeRole} hops, as the upstream connector does. Every hop is resolved eagerly so a wrong role or external id fails at
 * startup with the role ARN and the AWS error code instead of on the first sync call. A hop goes through the
 * {@link AwsGateway}: an STS reply throttled, failed with a 5xx or cut short is retried within the retry budget.
 */
final class ConnectorCredentials {
    private static final Logger log = LoggerFactory.getLogger(ConnectorCredentials.class);
    static final String SESSION_NAME = "baton-aws";

    private ConnectorCredentials() {}

    /** {@code --global-region}, else the SDK region chain, else us-east-1. */
    static Region region(CredentialsConfig config) {
        if (!config.region().isEmpty()) {
            return Region.of(config.region());
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            return Region.US_EAST_1;
        }
    }

    static AwsCredentialsProvider base(CredentialsConfig config) {
        if (config.hasStaticKeys()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    config.accessKeyId(), config.secretAccessKey().value()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * The provider the connector calls AWS with.
     *
     * @param stsFor builds an STS client that calls with the given credentials (owned and closed by the caller)
     */
    static AwsCredentialsProvider connector(
            CredentialsConfig config,
            AwsCredentialsProvider base,
            Function<AwsCredentialsProvider, StsClient> stsFor,
            Clock clock,
            AwsGateway gateway)
            throws AwsCallException {
        requireNonNull(stsFor, "stsFor is null");
        if (!config.assumesRole()) {
            return base;
        }
        AwsCredentialsProvider hopSource = base;
        if (config.twoHop()) {
            AssumeRoleCredentialsProvider binding = new AssumeRoleCredentialsProvider(
                    stsFor.apply(base),
                    config.bindingRoleArn(),
                    config.bindingExternalId().value(),
                    SESSION_NAME,
                    0,
                    clock);
            AwsOperation operation = AwsOperation.of("sts", "AssumeRole");
            gateway.call(operation, binding::resolveCredentials, e -> bindingFailure(operation, config, e));
            hopSource = binding;
        }
        AssumeRoleCredentialsProvider role = new AssumeRoleCredentialsProvider(
                stsFor.apply(hopSource), config.roleArn(), config.externalId(), SESSION_NAME, 0, clock);
        resolveEagerly(
                gateway,
                role,
                accountOf(config.roleArn()),
                "--external-id",
                !config.externalId().isEmpty());
        return role;
    }

    /**
     * The binding role belongs to the operator, not the customer: its ARN and AWS's message go to our log only, and
     * the failure says no more than "internal binding error". A throttled or transient reply keeps its kind, so the
     * gateway retries it like any other call.
     */
    private static AwsCallException bindingFailure(AwsOperation operation, CredentialsConfig config, SdkException e) {
        ErrorKind kind = AwsErrors.classify(e);
        if (kind.retryable()) {
            return new AwsCallException(operation, kind, AwsErrors.errorCode(e), "", null);
        }
        log.error(
                "baton-aws: internal binding error (binding_role_arn={}, error={})",
                config.bindingRoleArn(),
                AwsErrors.errorCode(e));
        return new AwsCallException(operation, ErrorKind.CREDENTIALS, "internal binding error", "", null);
    }

    /**
     * Resolves once; a failure names the role ARN, the AWS error code and AWS's message, never a credential, with
     * advice on the trust policy and (when {@code externalIdOption} is not null) the external id.
     */
    static void resolveEagerly(
            AwsGateway gateway,
            AssumeRoleCredentialsProvider provider,
            String accountId,
            String externalIdOption,
            boolean externalIdSent)
            throws AwsCallException {
        AwsOperation operation = new AwsOperation("sts", "AssumeRole", accountId, provider.roleArn());
        gateway.call(operation, provider::resolveCredentials, e -> {
            FailureAdvice.Text text = FailureAdvice.assumeRole(provider.roleArn(), externalIdOption, externalIdSent, e);
            return new AwsCallException(
                    operation, AwsErrors.classify(e), AwsErrors.errorCode(e), text.detail(), text.advice(), e);
        });
    }

    static String accountOf(String arn) {
        return Arn.isArn(arn) ? Arn.parse(arn).accountId() : "";
    }
}
