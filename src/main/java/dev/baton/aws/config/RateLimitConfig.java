package dev.baton.aws.config;

/**
 * Client-side request rates per AWS service scope, in requests per second (0 = unlimited). Identity Center is one
 * bucket shared by SSO Admin and Identity Store; IAM is per account.
 */
public record RateLimitConfig(double iamPerAccount, double identityCenter, double organizations, double sts,
                              double cloudTrail) {
    public static RateLimitConfig defaults() {
        return new RateLimitConfig(15, 20, 10, 20, 2);
    }
}
