package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.spi.SyncException;

/** The IAM client and the failure messages shared by the IAM provisioners. */
final class IamResults {
    private IamResults() {}

    /** IAM of the account that owns the entity: upstream's default-account shortcut wrote to the wrong account. */
    static IamCalls iam(AwsClients clients, String accountId) throws SyncException {
        try {
            return new IamCalls(clients.gateway(), clients.iam(accountId), accountId);
        } catch (AwsCallException e) {
            throw failure("cannot reach IAM of account " + accountId, e);
        }
    }

    /** Upstream's message prefix plus the call context; never contains a credential. */
    static SyncException failure(String what, AwsCallException e) {
        return new SyncException("baton-aws: " + what + ": " + e.getMessage(), e);
    }

    /** Like {@link #failure} for a call AWS answered, with AWS's own explanation after the call context. */
    static SyncException callFailure(String what, AwsCallException e) {
        return new SyncException("baton-aws: " + what + ": " + e.messageWithAwsExplanation(), e);
    }
}
