package dev.baton.aws.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Client-side request rates per AWS service scope, in requests per second (0 = unlimited). Identity Center is one
 * bucket shared by SSO Admin and Identity Store; IAM is per account.
 *
 * @param retryBudget how long one call may keep retrying throttling and transient failures after the SDK's own
 *                    attempts; zero leaves retrying to the SDK alone (also what an explicit {@code AWS_MAX_ATTEMPTS}
 *                    asks for)
 */
public record RateLimitConfig(
        double iamPerAccount,
        double identityCenter,
        double organizations,
        double sts,
        double cloudTrail,
        Duration retryBudget) {
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofMinutes(10);

    public RateLimitConfig {
        requireNonNull(retryBudget, "retryBudget is null");
        if (retryBudget.isNegative()) {
            throw new IllegalArgumentException("retryBudget is negative: " + retryBudget);
        }
    }

    /** The given rates with the default retry budget. */
    public RateLimitConfig(
            double iamPerAccount, double identityCenter, double organizations, double sts, double cloudTrail) {
        this(iamPerAccount, identityCenter, organizations, sts, cloudTrail, DEFAULT_RETRY_BUDGET);
    }

    public static RateLimitConfig defaults() {
        return new RateLimitConfig(15, 20, 10, 20, 2);
    }
}
