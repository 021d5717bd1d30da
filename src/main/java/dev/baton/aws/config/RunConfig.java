package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/** Everything one run of the connector needs, validated: a sync, or a one-shot provisioning action. */
public record RunConfig(
        CredentialsConfig credentials,
        OrganizationConfig organization,
        SyncScope scope,
        RateLimitConfig rateLimits,
        OutputConfig output,
        ProvisioningConfig provisioning) {
    public RunConfig {
        requireNonNull(credentials, "credentials is null");
        requireNonNull(organization, "organization is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(rateLimits, "rateLimits is null");
        requireNonNull(output, "output is null");
        requireNonNull(provisioning, "provisioning is null");
    }
}
