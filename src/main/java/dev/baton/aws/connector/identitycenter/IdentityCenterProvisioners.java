package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.spi.ResourceProvisioner;
import java.util.List;

/** The Identity Center write capabilities of one run, one object per resource type. */
public final class IdentityCenterProvisioners {
    private IdentityCenterProvisioners() {}

    /**
     * @param ssoRegion            {@code --global-aws-sso-region}, for the ARNs of created users
     * @param accountCreationType  {@code create-account-resource-type}: {@code sso_user} lets {@code sso_user}
     *                             create accounts; anything else makes it refuse with upstream's message
     * @param knownInstance        the Identity Center instance if the caller already listed it, else null (looked
     *                             up on first use)
     * @param polling              how account assignment writes are awaited ({@link AssignmentPolling#defaults()})
     */
    public record Settings(
            String ssoRegion,
            String accountCreationType,
            ProvisioningInstance knownInstance,
            AssignmentPolling polling) {
        public Settings {
            requireNonNull(ssoRegion, "ssoRegion is null");
            requireNonNull(accountCreationType, "accountCreationType is null");
            requireNonNull(polling, "polling is null");
        }
    }

    public static List<ResourceProvisioner> create(AwsClients clients, Settings settings) {
        InstanceSource instance = settings.knownInstance() != null
                ? InstanceSource.of(settings.knownInstance())
                : InstanceSource.lookingUp(clients, settings.ssoRegion());
        AccountAssignments assignments = new AccountAssignments(clients, instance, settings.polling());
        boolean ssoUserCreation = settings.accountCreationType().equals(ResourceTypes.SSO_USER_ID);
        return List.of(
                new SsoUserProvisioner(clients, instance, ssoUserCreation),
                new SsoGroupProvisioner(clients, instance),
                new AccountProvisioner(assignments),
                new PermissionSetAssignmentProvisioner(assignments));
    }
}
