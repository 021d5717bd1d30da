package dev.baton.aws.cli;

import dev.baton.aws.config.OneShotAction;
import dev.baton.aws.config.ProvisioningConfig;
import dev.baton.aws.config.RunConfig;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Everything a one-shot write subcommand ({@code grant}, {@code revoke}, {@code create-account},
 * {@code delete-resource}) shares with the root command: credentials, organization and scope flags, rate limits,
 * the c1z ({@code -f}) and the provisioning switch, with the same names and {@code BATON_*} variables. The flags
 * that only shape a sync (the {@value #SYNC_ONLY_SCOPE} and {@value #SYNC_ONLY_OUTPUT} groups, except {@code -f})
 * are accepted, so one set of flags serves every command, but hidden from the write commands' help.
 */
final class WriteOptions {
    static final String SYNC_ONLY_SCOPE = "syncScope";
    static final String SYNC_ONLY_OUTPUT = "syncOutput";

    @Mixin
    private CredentialOptions credentials;

    @Mixin
    private OrganizationOptions organization;

    @Mixin(name = SYNC_ONLY_SCOPE)
    private ScopeOptions scope;

    @Mixin
    private RateLimitOptions rateLimits;

    @Mixin(name = SYNC_ONLY_OUTPUT)
    private OutputOptions output;

    @Option(
            names = {"-p", "--provisioning"},
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Allow changes to AWS; required for every write")
    private boolean enabled;

    @Option(
            names = {"--create-account-resource-type", "--resource-type"},
            paramLabel = "TYPE",
            defaultValue = "iam_user",
            completionCandidates = ProvisioningOptions.AccountTargets.class,
            description = "Which user type create-account creates: iam_user or sso_user (empty: iam_user)")
    private String createAccountResourceType = "iam_user";

    RunConfig runConfig(ProcessContext context, String command, OneShotAction action) {
        if (!enabled) {
            throw new ConfigException(command + " changes AWS; enable provisioning with"
                    + " -p/--provisioning (BATON_PROVISIONING=true)");
        }
        AwsEnvironment.check(context.environment());
        if (createAccountResourceType.isBlank()) {
            createAccountResourceType = "iam_user"; // as the root's flag and the environment variable read ""
        }
        if (!ProvisioningOptions.ACCOUNT_TARGETS.contains(createAccountResourceType)) {
            throw ConfigException.invalid(
                    "--create-account-resource-type",
                    "'" + createAccountResourceType + "' is not one of "
                            + String.join(", ", ProvisioningOptions.ACCOUNT_TARGETS));
        }
        return RunConfigValidator.validate(new RunConfig(
                credentials.toConfig(),
                organization.toConfig(),
                scope.toConfig(),
                rateLimits.toConfig(context.environment()),
                output.toConfig(context.workingDirectory()),
                new ProvisioningConfig(true, createAccountResourceType, action)));
    }

    String createAccountResourceType() {
        return createAccountResourceType.isBlank() ? "iam_user" : createAccountResourceType;
    }

    /**
     * Hides the sync-only options in the help of a command that mixes these options in; they keep working. A
     * no-op for other commands.
     */
    static void hideSyncOnlyOptions(CommandSpec command) {
        for (CommandSpec mixin : command.mixins().values()) {
            java.util.Set<String> syncOnly = new java.util.HashSet<>();
            for (String group : List.of(SYNC_ONLY_SCOPE, SYNC_ONLY_OUTPUT)) {
                CommandSpec options = mixin.mixins().get(group);
                if (options != null) {
                    options.options().forEach(option -> syncOnly.add(option.longestName()));
                }
            }
            syncOnly.remove("--file");
            for (OptionSpec option : List.copyOf(command.options())) {
                if (syncOnly.contains(option.longestName()) && !option.hidden()) {
                    command.remove(option);
                    command.addOption(option.toBuilder().hidden(true).build());
                }
            }
        }
    }

    static List<String> accountTargets() {
        return ProvisioningOptions.ACCOUNT_TARGETS;
    }
}
