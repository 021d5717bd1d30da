package dev.baton.aws.cli;

import dev.baton.aws.config.CredentialsConfig;
import dev.baton.aws.config.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;

/**
 * How the connector authenticates to AWS: static keys or the default chain, then optionally one hop into
 * {@code --role-arn}, or two hops through {@code --global-role-arn}. Unlike upstream, {@code --role-arn} alone
 * means "assume this role"; {@code --use-assume} is still accepted and only requires a role.
 */
@Command(addMethodSubcommands = false) // see BatonAwsCommand: a mixin is searched for method subcommands too
final class CredentialOptions {
    /** AWS asks for at least this much entropy on the hop that crosses into a customer account. */
    private static final int TWO_HOP_EXTERNAL_ID_MIN = 32;

    private static final int TWO_HOP_EXTERNAL_ID_MAX = 64;

    @Option(
            names = "--global-access-key-id",
            paramLabel = "ID",
            description = "The global-access-key-id for the aws account")
    private String accessKeyId = "";

    @Option(
            names = "--global-secret-access-key",
            paramLabel = "KEY",
            showDefaultValue = Visibility.NEVER,
            description = "The global-secret-access-key for the aws account")
    private String secretAccessKey = "";

    @Option(names = "--global-region", paramLabel = "REGION", description = "The region for the aws account")
    private String region = "";

    @Option(
            names = "--role-arn",
            paramLabel = "ARN",
            description = "The role arn for the aws account: the role in your AWS account that the connector assumes"
                    + " (with --external-id)")
    private String roleArn = "";

    @Option(
            names = "--use-assume",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "true|false",
            description = "Enable support for assume role")
    private boolean useAssume;

    @Option(names = "--external-id", paramLabel = "ID", description = "The external id for the aws account")
    private String externalId = "";

    @Option(
            names = "--global-role-arn",
            paramLabel = "ARN",
            description = "The binding role arn of two-hop mode: assumed first with the base credentials (and"
                    + " --global-binding-external-id), then --role-arn is assumed from it")
    private String bindingRoleArn = "";

    @Option(
            names = "--global-binding-external-id",
            paramLabel = "ID",
            showDefaultValue = Visibility.NEVER,
            description = "The global external id for the aws account")
    private String bindingExternalId = "";

    CredentialsConfig toConfig() {
        checkKeys();
        checkRegion();
        checkRoles();
        checkExternalIds();
        return new CredentialsConfig(
                accessKeyId,
                new Secret(secretAccessKey),
                region,
                roleArn,
                externalId,
                bindingRoleArn,
                new Secret(bindingExternalId));
    }

    private void checkKeys() {
        if (!accessKeyId.isEmpty() && secretAccessKey.isEmpty()) {
            throw ConfigException.requires("--global-access-key-id", "--global-secret-access-key");
        }
        if (accessKeyId.isEmpty() && !secretAccessKey.isEmpty()) {
            throw ConfigException.requires("--global-secret-access-key", "--global-access-key-id");
        }
    }

    private void checkRegion() {
        if (!region.isEmpty() && !AwsSyntax.isRegion(region)) {
            throw ConfigException.invalid(
                    "--global-region",
                    "'" + region + "' is not an AWS region name; expected something like us-east-1 or eu-central-1");
        }
    }

    private void checkRoles() {
        if (useAssume && roleArn.isEmpty()) {
            throw ConfigException.requires("--use-assume", "--role-arn");
        }
        if (!bindingRoleArn.isEmpty() && roleArn.isEmpty()) {
            throw ConfigException.requires("--global-role-arn", "--role-arn");
        }
        checkRoleArn("--role-arn", roleArn);
        checkRoleArn("--global-role-arn", bindingRoleArn);
    }

    private static void checkRoleArn(String flag, String arn) {
        if (!arn.isEmpty()) {
            AwsSyntax.roleArnProblem(arn).ifPresent(problem -> {
                throw ConfigException.invalid(flag, problem);
            });
        }
    }

    private void checkExternalIds() {
        if (!externalId.isEmpty() && roleArn.isEmpty()) {
            throw ConfigException.requires("--external-id", "--role-arn");
        }
        if (!bindingExternalId.isEmpty() && bindingRoleArn.isEmpty()) {
            throw ConfigException.requires("--global-binding-external-id", "--global-role-arn");
        }
        if (!bindingRoleArn.isEmpty()) {
            checkTwoHopExternalId();
        }
        if (!externalId.isEmpty()) {
            AwsSyntax.externalIdProblem(externalId).ifPresent(problem -> {
                throw ConfigException.invalid("--external-id", problem);
            });
        }
        if (!bindingExternalId.isEmpty()) {
            AwsSyntax.externalIdProblem(bindingExternalId).ifPresent(problem -> {
                throw ConfigException.invalid("--global-binding-external-id", problem);
            });
        }
    }

    /** In two-hop mode the external id guards a third party's role, so it must be long enough to be unguessable. */
    private void checkTwoHopExternalId() {
        if (externalId.isEmpty()) {
            throw ConfigException.requires("--global-role-arn", "--external-id");
        }
        int length = externalId.length();
        if (length < TWO_HOP_EXTERNAL_ID_MIN || length > TWO_HOP_EXTERNAL_ID_MAX) {
            throw ConfigException.invalid(
                    "--external-id",
                    "with --global-role-arn (two-hop mode) it must be " + TWO_HOP_EXTERNAL_ID_MIN + "-"
                            + TWO_HOP_EXTERNAL_ID_MAX + " characters (got " + length + ")");
        }
    }
}
