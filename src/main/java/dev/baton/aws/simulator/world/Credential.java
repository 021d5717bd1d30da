package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/** Long-term access key of an IAM user: the caller is found by {@code accessKeyId}. */
public record Credential(String accessKeyId, Secret secretAccessKey, String accountId, String user) {
    public Credential {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(user, "user is null");
    }
}
