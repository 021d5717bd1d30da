package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.spi.SyncWarnings;
import dev.baton.aws.testing.FakeAwsClients;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesRequest;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesResponse;
import software.amazon.awssdk.services.ssoadmin.model.SsoAdminException;

/**
 * Shared set-up of the tests that answer Identity Center calls with only the members AWS's model marks required
 * (for SSO Admin and CloudTrail that is none at all; for Identity Store the ids). One full instance, one account,
 * and the warnings a run reports.
 */
final class SparseAnswers {
    static final String REGION = "eu-west-1";
    static final String INSTANCE = "arn:aws:sso:::instance/ssoins-1111222233334444";
    static final String STORE = "d-1234567890";
    static final String ACCOUNT = "222222222222";
    static final String PS = "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-aaaaaaaaaaaaaaaa";
    static final String USER_ARN = "arn:aws:identitystore:" + REGION + "::" + STORE + "/user/u-1";
    static final String GROUP_ARN = "arn:aws:identitystore:" + REGION + "::" + STORE + "/group/g-1";

    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final SyncWarnings sink = warnings::add;

    IdentityCenterInstanceProvider instance(FakeAwsClients clients) {
        return new IdentityCenterInstanceProvider(clients, REGION, sink);
    }

    PermissionSetCatalog catalog(FakeAwsClients clients) {
        return new PermissionSetCatalog(clients, instance(clients), sink);
    }

    /** SSO Admin with the one full instance; a test overrides the operations it exercises. */
    abstract static class OneInstance implements SsoAdminClient {
        @Override
        public ListInstancesResponse listInstances(ListInstancesRequest request) {
            return ListInstancesResponse.builder()
                    .instances(InstanceMetadata.builder()
                            .instanceArn(INSTANCE)
                            .identityStoreId(STORE)
                            .build())
                    .build();
        }

        @Override
        public String serviceName() {
            return "sso";
        }

        @Override
        public void close() {}
    }

    /** What AWS answers a caller over its rate, after the SDK's own attempts. */
    static SsoAdminException throttled() {
        return (SsoAdminException) SsoAdminException.builder()
                .statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ThrottlingException")
                        .build())
                .build();
    }
}
