package dev.baton.aws.cli;

import dev.baton.aws.config.OrganizationConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/** Which parts of an AWS organization are synced: Organizations, Identity Center, child-account IAM. */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class OrganizationOptions {
    @Option(
            names = "--global-aws-orgs-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Enable support for AWS Organizations")
    private boolean orgsEnabled;

    @Option(
            names = "--global-aws-sso-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Enable support for AWS IAM Identity Center")
    private boolean ssoEnabled;

    @Option(
            names = "--global-aws-cross-account-iam-enabled",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "When both Organizations and Identity Center are enabled, also sync IAM users, roles, and"
                    + " groups from every child account. Requires sts:AssumeRole on OrganizationAccountAccessRole in"
                    + " each child account. Has no effect when Identity Center is disabled (cross-account IAM sync"
                    + " always runs in that mode).")
    private boolean crossAccountIamEnabled;

    @Option(
            names = "--global-aws-sso-region",
            paramLabel = "REGION",
            defaultValue = SsoRegions.DEFAULT,
            showDefaultValue = Visibility.ALWAYS,
            completionCandidates = SsoRegions.class,
            description = "The region for the sso identities")
    private String ssoRegion = SsoRegions.DEFAULT;

    @Option(
            names = "--iam-assume-role-name",
            paramLabel = "NAME",
            defaultValue = "OrganizationAccountAccessRole",
            showDefaultValue = Visibility.ALWAYS,
            description = "Role name for the IAM role to assume when using the AWS connector")
    private String iamAssumeRoleName = "OrganizationAccountAccessRole";

    OrganizationConfig toConfig() {
        if (!SsoRegions.ALL.contains(ssoRegion)) {
            throw ConfigException.invalid(
                    "--global-aws-sso-region",
                    "'" + ssoRegion + "' is not offered; use one" + " of " + String.join(", ", SsoRegions.ALL));
        }
        AwsSyntax.roleNameProblem(iamAssumeRoleName).ifPresent(problem -> {
            throw ConfigException.invalid("--iam-assume-role-name", problem);
        });
        if (ssoEnabled && !orgsEnabled) {
            throw ConfigException.requires("--global-aws-sso-enabled", "--global-aws-orgs-enabled");
        }
        if (crossAccountIamEnabled && !(orgsEnabled && ssoEnabled)) {
            throw new ConfigException("--global-aws-cross-account-iam-enabled requires "
                    + ConfigException.label("--global-aws-orgs-enabled") + " and "
                    + ConfigException.label("--global-aws-sso-enabled"));
        }
        return new OrganizationConfig(orgsEnabled, ssoEnabled, crossAccountIamEnabled, ssoRegion, iamAssumeRoleName);
    }
}
