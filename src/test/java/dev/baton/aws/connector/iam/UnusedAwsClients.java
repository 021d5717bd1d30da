package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsClients;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/** For tests of code paths that must not call AWS: every method fails the test. */
final class UnusedAwsClients implements AwsClients {
    private static AssertionError unexpected() {
        return new AssertionError("this test must not call AWS");
    }

    @Override
    public String callerAccountId() {
        throw unexpected();
    }

    @Override
    public IamClient iam() {
        throw unexpected();
    }

    @Override
    public IamClient iam(String accountId) {
        throw unexpected();
    }

    @Override
    public StsClient sts() {
        throw unexpected();
    }

    @Override
    public OrganizationsClient organizations() {
        throw unexpected();
    }

    @Override
    public SsoAdminClient ssoAdmin() {
        throw unexpected();
    }

    @Override
    public IdentitystoreClient identityStore() {
        throw unexpected();
    }

    @Override
    public CloudTrailClient cloudTrail() {
        throw unexpected();
    }
}
