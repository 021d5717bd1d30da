package dev.baton.aws.aws;

import static java.util.Objects.requireNonNull;

/**
 * What one AWS call is, for error messages, retries and statistics: {@code iam:GetRole on arn:… (account 1111…)}.
 *
 * @param service   the IAM service prefix of the operation ({@code iam}, {@code sso}, {@code identitystore}, …)
 * @param operation the API operation name as AWS spells it ({@code ListAccountAssignments})
 * @param accountId the account the call runs against, or empty when it is the connector's own / not account-bound
 * @param resource  the ARN or id of the object the call names, or empty
 */
public record AwsOperation(String service, String operation, String accountId, String resource) {
    public AwsOperation {
        requireNonNull(service, "service is null");
        requireNonNull(operation, "operation is null");
        accountId = accountId == null ? "" : accountId;
        resource = resource == null ? "" : resource;
    }

    public static AwsOperation of(String service, String operation) {
        return new AwsOperation(service, operation, "", "");
    }

    /** The same operation against {@code account}. */
    public AwsOperation in(String account) {
        return new AwsOperation(service, operation, account, resource);
    }

    /** The same operation naming {@code object} (an ARN or id). */
    public AwsOperation on(String object) {
        return new AwsOperation(service, operation, accountId, object);
    }

    /** {@code service:Operation}, as IAM policies name the permission the call needs. */
    public String action() {
        return service + ':' + operation;
    }
}
