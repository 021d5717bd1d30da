package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A managed policy: customer managed (in an account's {@code iam.policies}) or AWS managed (in
 * {@code awsManagedPolicies}). Only the default version is modelled, since that is what every reader uses.
 */
public record ManagedPolicy(
        String name,
        String path,
        String id,
        String description,
        JsonNode document,
        String defaultVersionId,
        Instant createDate) {
    public ManagedPolicy {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(id, "id is null");
        requireNonNull(description, "description is null");
        requireNonNull(document, "document is null");
        requireNonNull(defaultVersionId, "defaultVersionId is null");
        requireNonNull(createDate, "createDate is null");
    }

    /** {@code accountId} is the owning account, or {@code "aws"} for AWS-managed policies. */
    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":policy" + path + name;
    }
}
