package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsGateway;
import dev.baton.aws.aws.AwsOperation;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The IAM of one account as the connector calls it: every request goes through the run's {@link AwsGateway} with
 * the operation, the account and the object it names, so failures arrive classified and throttling is retried.
 */
record IamCalls(AwsGateway gateway, IamClient client, String accountId) {
    IamCalls {
        requireNonNull(gateway, "gateway is null");
        requireNonNull(client, "client is null");
        requireNonNull(accountId, "accountId is null");
    }

    /** Sends {@code request} as {@code iam:<operation>} on {@code resource} (an ARN, a name, or empty). */
    <T> T call(String operation, String resource, Supplier<T> request) throws AwsCallException {
        return gateway.call(new AwsOperation("iam", operation, accountId, resource), request);
    }
}
