package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

/**
 * The Identity Center instance that provisioning writes to.
 *
 * @param ssoRegion used only to build identitystore ARNs of created users, as the syncers do
 */
public record ProvisioningInstance(String instanceArn, String identityStoreId, String ssoRegion) {
    public ProvisioningInstance {
        requireNonNull(instanceArn, "instanceArn is null");
        requireNonNull(identityStoreId, "identityStoreId is null");
        requireNonNull(ssoRegion, "ssoRegion is null");
    }
}
