package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.model.Ids;

/**
 * The IAM Identity Center instance a run works with. Every SSO Admin call names {@code instanceArn}, every Identity
 * Store call names {@code identityStoreId}, and SSO user and group ARNs carry {@code region} (the
 * {@code --global-aws-sso-region}), so ids stay byte-identical to upstream's.
 */
public record IdentityCenterInstance(String region, String instanceArn, String identityStoreId) {
    public IdentityCenterInstance {
        requireNonNull(region, "region is null");
        requireNonNull(instanceArn, "instanceArn is null");
        requireNonNull(identityStoreId, "identityStoreId is null");
    }

    public String userArn(String userId) {
        return Ids.ssoUserArn(region, identityStoreId, userId);
    }

    public String groupArn(String groupId) {
        return Ids.ssoGroupArn(region, identityStoreId, groupId);
    }
}
