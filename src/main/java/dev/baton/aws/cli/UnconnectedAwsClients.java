package dev.baton.aws.cli;

import dev.baton.aws.aws.AwsClients;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Clients for a registry that is only inspected (the {@code capabilities} command): building syncers and
 * provisioners makes no call, and any call would be a bug, so each method fails loudly.
 */
final class UnconnectedAwsClients implements AwsClients {
    private static IllegalStateException unused() {
        return new IllegalStateException("no AWS call is made while computing capabilities");
    }

    @Override
    public String callerAccountId() {
        throw unused();
    }

    @Override
    public IamClient iam() {
        throw unused();
    }

    @Override
    public IamClient iam(String accountId) {
        throw unused();
    }

    @Override
    public StsClient sts() {
        throw unused();
    }

    @Override
    public OrganizationsClient organizations() {
        throw unused();
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        throw unused();
    }

    @Override
    public IdentitystoreClient identityStore() {
        throw unused();
    }

    @Override
    public CloudTrailClient cloudTrail() {
        throw unused();
    }
}
