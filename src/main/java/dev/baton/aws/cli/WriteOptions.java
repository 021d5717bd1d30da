package dev.baton.aws.cli;

import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.ProvisioningConfig;
import dev.baton.aws.config.RunConfig;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything a one-shot write subcommand ({@code grant}, {@code revoke}, {@code create-account},
 * {@code delete-resource}) shares with the root command: credentials, organization and scope flags, rate limits,
 * the c1z ({@code -f}) and the provisioning switch, with the same names and {@code BATON_*} variables.
 */
final class WriteOptions {
    @Mixin private CredentialOptions credentials;
    @Mixin private OrganizationOptions organization;
    @Mixin private ScopeOptions scope;
    @Mixin private RateLimitOptions rateLimits;
    @Mixin private OutputOptions output;

    @Option(names = {"-p", "--provisioning"}, arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Allow changes to AWS; required for every write")
    private boolean enabled;

    @Option(names = "--create-account-resource-type", paramLabel = "TYPE", defaultValue = "iam_user",
            description = "Which user type create-account creates: iam_user or sso_user")
    private String createAccountResourceType = "iam_user";

    RunConfig runConfig(ProcessContext context, String command, OneShotAction action) {
        if (!enabled) {
            throw new ConfigException(command + " changes AWS; enable provisioning with"
                    + " -p/--provisioning (BATON_PROVISIONING=true)");
        }
        if (!ProvisioningOptions.ACCOUNT_TARGETS.contains(createAccountResourceType)) {
            throw ConfigException.invalid("--create-account-resource-type", "'" + createAccountResourceType
                    + "' is not one of " + String.join(", ", ProvisioningOptions.ACCOUNT_TARGETS));
        }
        return RunConfigValidator.validate(new RunConfig(credentials.toConfig(), organization.toConfig(),
                scope.toConfig(), rateLimits.toConfig(context.environment()), output.toConfig(context.workingDirectory()),
                new ProvisioningConfig(true, createAccountResourceType, action)));
    }

    String createAccountResourceType() {
        return createAccountResourceType;
    }

    static List<String> accountTargets() {
        return ProvisioningOptions.ACCOUNT_TARGETS;
    }
}
