package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/**
 * How the connector gets its AWS identity. Empty strings mean "not set".
 *
 * @param accessKeyId     {@code --global-access-key-id}; with {@code secretAccessKey} replaces the default chain
 * @param region          {@code --global-region}; empty: the SDK region chain, else us-east-1
 * @param roleArn         {@code --role-arn}: assumed (single hop, or hop 2 of two-hop mode)
 * @param externalId      {@code --external-id}, sent on the hop into {@code roleArn}
 * @param bindingRoleArn  {@code --global-role-arn}: hop 1 of two-hop mode
 * @param bindingExternalId {@code --global-binding-external-id}, sent on hop 1
 */
public record CredentialsConfig(
        String accessKeyId,
        Secret secretAccessKey,
        String region,
        String roleArn,
        String externalId,
        String bindingRoleArn,
        Secret bindingExternalId) {
    public CredentialsConfig {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(region, "region is null");
        requireNonNull(roleArn, "roleArn is null");
        requireNonNull(externalId, "externalId is null");
        requireNonNull(bindingRoleArn, "bindingRoleArn is null");
        requireNonNull(bindingExternalId, "bindingExternalId is null");
    }

    public boolean hasStaticKeys() {
        return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty();
    }

    public boolean assumesRole() {
        return !roleArn.isEmpty();
    }

    public boolean twoHop() {
        return !bindingRoleArn.isEmpty();
    }
}
