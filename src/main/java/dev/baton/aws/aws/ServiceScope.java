package dev.baton.aws.aws;

/**
 * The unit a client-side rate limit applies to. AWS throttles Identity Center per instance across SSO Admin and
 * Identity Store, so both share one scope; IAM limits are per account, so each account's IAM client has its own
 * limiter under the {@code iam} scope.
 */
public enum ServiceScope {
    IAM("iam"),
    STS("sts"),
    ORGANIZATIONS("organizations"),
    IDENTITY_CENTER("sso"),
    CLOUDTRAIL("cloudtrail");

    private final String key;

    ServiceScope(String key) {
        this.key = key;
    }

    /** The name used in call statistics. */
    public String key() {
        return key;
    }
}
