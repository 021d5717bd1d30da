package dev.baton.aws.connector.permissions;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code baton-aws check}.
 *
 * @param account the account the probe ran in (the connector's own, or a member account)
 * @param detail  the AWS error code of a denial or failure, or why the permission was not probed
 */
public record CheckResult(String action, String account, Status status, String detail, String loss) {
    public enum Status {
        OK,
        DENIED,
        NOT_PROBED
    }

    public CheckResult {
        requireNonNull(action, "action is null");
        requireNonNull(account, "account is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
        requireNonNull(loss, "loss is null");
    }
}
