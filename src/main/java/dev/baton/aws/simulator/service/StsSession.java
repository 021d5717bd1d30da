package dev.baton.aws.simulator.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** Temporary credentials issued by AssumeRole, bound to one role session of one account. */
record StsSession(
        String accessKeyId,
        String accountId,
        String roleName,
        String rolePath,
        String roleId,
        String sessionName,
        Instant expiration) {
    StsSession {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(roleName, "roleName is null");
        requireNonNull(rolePath, "rolePath is null");
        requireNonNull(roleId, "roleId is null");
        requireNonNull(sessionName, "sessionName is null");
        requireNonNull(expiration, "expiration is null");
    }

    String roleArn() {
        return "arn:aws:iam::" + accountId + ":role" + rolePath + roleName;
    }

    String assumedRoleArn() {
        return "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + sessionName;
    }
}
