package dev.baton.aws.cli;

import dev.baton.aws.config.RateLimitConfig;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * Client-side request rates per AWS service, to stay under AWS's own throttling. The defaults repeat
 * {@link RateLimitConfig#defaults()} because annotation values must be constants; a test keeps them equal.
 */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class RateLimitOptions {
    @Option(
            names = "--rate-iam",
            paramLabel = "RPS",
            defaultValue = "15",
            showDefaultValue = Visibility.ALWAYS,
            description = "IAM requests per second, per account (0 = unlimited)")
    private double iam = 15;

    @Option(
            names = "--rate-identity-center",
            paramLabel = "RPS",
            defaultValue = "20",
            showDefaultValue = Visibility.ALWAYS,
            description = "Identity Center requests per second, SSO Admin and Identity Store together (0 = unlimited)")
    private double identityCenter = 20;

    @Option(
            names = "--rate-organizations",
            paramLabel = "RPS",
            defaultValue = "10",
            showDefaultValue = Visibility.ALWAYS,
            description = "Organizations requests per second (0 = unlimited)")
    private double organizations = 10;

    @Option(
            names = "--rate-sts",
            paramLabel = "RPS",
            defaultValue = "20",
            showDefaultValue = Visibility.ALWAYS,
            description = "STS requests per second (0 = unlimited)")
    private double sts = 20;

    @Option(
            names = "--rate-cloudtrail",
            paramLabel = "RPS",
            defaultValue = "2",
            showDefaultValue = Visibility.ALWAYS,
            description = "CloudTrail requests per second (0 = unlimited)")
    private double cloudTrail = 2;

    @Option(
            names = "--retry-budget",
            paramLabel = "DURATION",
            defaultValue = "10m",
            showDefaultValue = Visibility.ALWAYS,
            description = "How long one AWS call may keep retrying throttling and server errors after the SDK's own "
                    + "attempts, e.g. 90s, 10m, 1h (0 = the SDK's attempts only; an explicit AWS_MAX_ATTEMPTS "
                    + "also means that)")
    private String retryBudget = "10m";

    /** @param environment the process environment, for an explicit {@code AWS_MAX_ATTEMPTS} */
    RateLimitConfig toConfig(Map<String, String> environment) {
        check("--rate-iam", iam);
        check("--rate-identity-center", identityCenter);
        check("--rate-organizations", organizations);
        check("--rate-sts", sts);
        check("--rate-cloudtrail", cloudTrail);
        Duration budget = RetryBudgets.parse(retryBudget);
        if (RetryBudgets.explicitMaxAttempts(environment, System.getProperty("aws.maxAttempts"))) {
            budget = Duration.ZERO; // the user chose the number of attempts: the gateway adds none
        }
        return new RateLimitConfig(iam, identityCenter, organizations, sts, cloudTrail, budget);
    }

    private static void check(String flag, double rate) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw ConfigException.invalid(flag, rate + " is not a rate; use requests per second >= 0 (0 = unlimited)");
        }
    }
}
