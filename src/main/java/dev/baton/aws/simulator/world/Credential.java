package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

/**
 * An access key of an IAM user: the caller is found by {@code accessKeyId}. A long-term key has no session token;
 * one with a token stands for temporary credentials issued outside STS (as {@code aws login} caches them), and
 * every request signed with it must carry that token.
 *
 * @param sessionToken null for a long-term key
 */
public record Credential(
        String accessKeyId, Secret secretAccessKey, String accountId, String user, Secret sessionToken) {
    public Credential {
        requireNonNull(accessKeyId, "accessKeyId is null");
        requireNonNull(secretAccessKey, "secretAccessKey is null");
        requireNonNull(accountId, "accountId is null");
        requireNonNull(user, "user is null");
    }

    /** A long-term key. */
    public Credential(String accessKeyId, Secret secretAccessKey, String accountId, String user) {
        this(accessKeyId, secretAccessKey, accountId, user, null);
    }
}
