package dev.baton.aws.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The provisioning flags that change which permissions {@code policy} prints and {@code check} lists: whether the
 * write permissions are included, and which user type account creation makes. One declaration for both commands,
 * read like the sync reads them (an empty type means {@code iam_user}).
 */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class PermissionFeatureOptions {
    @Option(
            names = {"-p", "--provisioning"},
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Include the write permissions (grant, revoke, create account, delete resource);"
                    + " check lists them as not probed, because probing them would change AWS")
    private boolean provisioning;

    @Option(
            names = "--create-account-resource-type",
            paramLabel = "iam_user|sso_user",
            defaultValue = "iam_user",
            completionCandidates = ProvisioningOptions.AccountTargets.class,
            description = "Which user type account creation makes (default: ${DEFAULT-VALUE}; empty: iam_user)")
    private String accountCreationType = "iam_user";

    boolean provisioning() {
        return provisioning;
    }

    /** The account creation type, or exit 2 naming the flag when it is not one of iam_user and sso_user. */
    String accountCreationType() {
        String type = accountCreationType.isBlank() ? "iam_user" : accountCreationType;
        if (!ProvisioningOptions.ACCOUNT_TARGETS.contains(type)) {
            throw ConfigException.invalid(
                    "--create-account-resource-type",
                    "'" + type + "' is not one of " + String.join(", ", ProvisioningOptions.ACCOUNT_TARGETS));
        }
        return type;
    }
}
