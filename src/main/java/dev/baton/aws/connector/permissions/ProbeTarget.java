package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsClients;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Where a probe runs: the run's clients, the IAM client of {@code accountId}, and the Identity Center instance
 * (a well-formed instance that does not exist when {@code sso:ListInstances} found none or was denied, so the
 * other probes still show whether they are allowed).
 */
record ProbeTarget(AwsClients clients, IamClient iam, String accountId, String instanceArn, String identityStoreId) {
    static final String ABSENT_INSTANCE = "arn:aws:sso:::instance/ssoins-0000000000000000";
    static final String ABSENT_STORE = "d-0000000000";

    ProbeTarget {
        requireNonNull(clients, "clients is null");
        requireNonNull(iam, "iam is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(instanceArn, "instanceArn is null");
        requireNonNull(identityStoreId, "identityStoreId is null");
    }
}
