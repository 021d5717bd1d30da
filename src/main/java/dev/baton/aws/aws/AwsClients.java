package dev.baton.aws.aws;

import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one run, created lazily and once, shared by all threads (SDK clients are thread-safe).
 * Every client carries the run's rate limit and retry policy for its service scope.
 */
public interface AwsClients {
    /**
     * The one way to send a call with these clients: classifies failures and retries throttling under the run's
     * retry budget. Test fakes get one that relies on the SDK's attempts alone.
     */
    default AwsGateway gateway() {
        return AwsGateway.sdkAttemptsOnly();
    }

    /** Account id of the connector's own identity (the assumed role's account when a role is assumed). */
    String callerAccountId() throws AwsCallException;

    /** IAM of the connector's own account. */
    IamClient iam();

    /**
     * IAM of {@code accountId}: the caller's own client for the caller's account, otherwise a client whose
     * credentials come from assuming the child-account role; created once per account, refreshed before expiry.
     *
     * @throws AwsCallException when the child role cannot be assumed (kind ACCESS_DENIED or CREDENTIALS)
     */
    IamClient iam(String accountId) throws AwsCallException;

    StsClient sts();

    OrganizationsClient organizations();

    /** SSO Admin in the Identity Center region. */
    SsoAdminClient ssoAdmin();

    /** Identity Store in the Identity Center region. */
    IdentitystoreClient identityStore();

    /** CloudTrail in the Identity Center region. */
    CloudTrailClient cloudTrail();
}
