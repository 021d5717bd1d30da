package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/**
 * Whether writes are allowed, which user type account creation targets, and the one-shot action if any.
 *
 * @param enabled                   {@code -p/--provisioning}
 * @param createAccountResourceType {@code --create-account-resource-type}: {@code iam_user} or {@code sso_user};
 *                                  decides which account creator is registered
 */
public record ProvisioningConfig(boolean enabled, String createAccountResourceType, OneShotAction request) {
    public ProvisioningConfig {
        requireNonNull(createAccountResourceType, "createAccountResourceType is null");
        requireNonNull(request, "request is null");
    }

    /** True when the run is a sync rather than a one-shot write. */
    public boolean syncs() {
        return request instanceof OneShotAction.None;
    }
}
