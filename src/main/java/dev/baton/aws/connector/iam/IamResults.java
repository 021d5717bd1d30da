package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.AwsErrors;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.spi.SyncException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/** Annotations and errors shared by the IAM provisioners. */
final class IamResults {
    private IamResults() {}


    /** IAM of the account that owns the entity: upstream's default-account shortcut wrote to the wrong account. */
    static IamClient iam(AwsClients clients, String accountId) throws SyncException {
        try {
            return clients.iam(accountId);
        } catch (AwsCallException e) {
            throw failure("cannot reach IAM of account " + accountId, e);
        }
    }

    static AwsCallException wrap(String operation, String accountId, String resource, SdkException e) {
        return AwsErrors.wrap("iam", operation, accountId, resource, e);
    }

    static boolean notFound(SdkException e) {
        return AwsErrors.classify(e) == ErrorKind.NOT_FOUND;
    }

    /** Upstream's message prefix plus the call context; never contains a credential. */
    static SyncException failure(String what, AwsCallException e) {
        return new SyncException("baton-aws: " + what + ": " + e.getMessage(), e);
    }

    static SyncException failure(String what, String operation, String accountId, String resource,
                                 SdkException e) {
        AwsCallException call = wrap(operation, accountId, resource, e);
        return new SyncException("baton-aws: " + what + ": " + call.messageWithAwsExplanation(), call);
    }
}
