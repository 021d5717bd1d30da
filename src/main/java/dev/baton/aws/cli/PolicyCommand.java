package dev.baton.aws.cli;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.connector.permissions.CloudFormationTemplate;
import dev.baton.aws.connector.permissions.PermissionCatalog;
import dev.baton.aws.connector.permissions.PermissionFeatures;
import dev.baton.aws.connector.permissions.PolicyDocuments;
import dev.baton.aws.connector.permissions.RequiredPermissions;
import dev.baton.aws.connector.permissions.RoleSetup;
import dev.baton.aws.connector.permissions.TerraformTemplate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws policy}: the least-privilege IAM set-up for the flags given, as IAM JSON, Terraform or
 * CloudFormation. Nothing is called; the same flags as the sync choose the permissions.
 */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Print the least-privilege IAM policies (connector role, its trust policy, the member-account"
                + " role) for the flags given, as JSON, Terraform or CloudFormation.")
final class PolicyCommand implements Callable<Integer> {
    enum Format {
        json,
        terraform,
        cloudformation
    }

    @Mixin
    private OrganizationOptions organization;

    @Mixin
    private ScopeOptions scope;

    @Mixin
    private PermissionFeatureOptions features;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "json|terraform|cloudformation",
            defaultValue = "json",
            description = "Output format (default: ${DEFAULT-VALUE})")
    private Format format = Format.json;

    @Option(
            names = "--role-arn",
            paramLabel = "ARN",
            description = "The connector role; its name and account fill the policies (default: role BatonConnector"
                    + " in account MANAGEMENT_ACCOUNT_ID)")
    private String roleArn;

    @Option(
            names = "--trusted-principal",
            paramLabel = "ARN",
            defaultValue = "TRUSTED_PRINCIPAL_ARN",
            description = "Who assumes the connector role (a user or role ARN, or arn:aws:iam::<account>:root)")
    private String trustedPrincipal = "TRUSTED_PRINCIPAL_ARN";

    @Option(
            names = "--external-id",
            paramLabel = "ID",
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "The sts:ExternalId the trust policy requires (none when empty)")
    private String externalId = "";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RequiredPermissions required = PermissionCatalog.required(new PermissionFeatures(
                organization.toConfig(), scope.toConfig(), features.provisioning(), features.accountCreationType()));
        RoleSetup setup = setup();
        String text = switch (format) {
            case json -> IndentedJson.of(PolicyDocuments.describe(required, setup));
            case terraform -> TerraformTemplate.render(required, setup);
            case cloudformation -> CloudFormationTemplate.render(required, setup);
        };
        spec.commandLine().getOut().print(text.endsWith("\n") ? text : text + "\n");
        spec.commandLine().getOut().flush();
        return 0;
    }

    private RoleSetup setup() {
        if (roleArn == null || roleArn.isEmpty()) {
            return new RoleSetup("BatonConnector", "MANAGEMENT_ACCOUNT_ID", trustedPrincipal, externalId);
        }
        if (!Arn.isArn(roleArn) || !Arn.parse(roleArn).resource().startsWith("role/")) {
            throw ConfigException.invalid(
                    "--role-arn", "'" + roleArn + "' is not a role ARN" + " (arn:aws:iam::<account>:role/<name>)");
        }
        Arn arn = Arn.parse(roleArn);
        return new RoleSetup(arn.name(), arn.accountId(), trustedPrincipal, externalId);
    }
}
