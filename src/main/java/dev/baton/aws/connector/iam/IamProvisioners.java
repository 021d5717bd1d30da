package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.spi.ResourceProvisioner;
import java.util.List;

/** The IAM write capabilities of one run, one object per resource type. */
public final class IamProvisioners {
    private IamProvisioners() {}

    /**
     * @param accountCreationType {@code create-account-resource-type}: {@code iam_user} (also when empty) lets
     *                            {@code iam_user} create accounts; any other value makes it refuse with upstream's
     *                            message. Deletion is never gated.
     */
    public static List<ResourceProvisioner> create(AwsClients clients, String accountCreationType) {
        boolean iamUserCreation =
                accountCreationType.isEmpty() || accountCreationType.equals(ResourceTypes.IAM_USER_ID);
        return List.of(
                new IamUserProvisioner(clients, iamUserCreation),
                new IamGroupProvisioner(clients),
                new IamPolicyProvisioner(clients),
                new InlinePolicyProvisioner(clients));
    }
}
