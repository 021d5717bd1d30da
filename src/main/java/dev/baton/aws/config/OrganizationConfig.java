package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

/**
 * Which parts of an AWS organization are synced.
 *
 * @param iamAssumeRoleName role assumed in each child account ({@code --iam-assume-role-name})
 * @param ssoRegion         region of Identity Center ({@code --global-aws-sso-region}); used for its API calls and ARNs
 */
public record OrganizationConfig(
        boolean orgsEnabled,
        boolean ssoEnabled,
        boolean crossAccountIamEnabled,
        String ssoRegion,
        String iamAssumeRoleName) {
    public OrganizationConfig {
        requireNonNull(ssoRegion, "ssoRegion is null");
        requireNonNull(iamAssumeRoleName, "iamAssumeRoleName is null");
    }

    /** Upstream rule: with Identity Center on, child-account IAM only when asked; with orgs alone, always. */
    public boolean syncCrossAccountIam() {
        return orgsEnabled && (!ssoEnabled || crossAccountIamEnabled);
    }

    public boolean identityCenter() {
        return orgsEnabled && ssoEnabled;
    }
}
