package dev.baton.aws.provisioning;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a provisioning task did, for stdout.
 *
 * @param action      {@code grant}, {@code revoke}, {@code create-account} or {@code delete-resource}
 * @param outcome     {@code granted}, {@code revoked}, {@code already-revoked}, {@code created}, {@code deleted},
 *                    {@code does-not-exist}, or {@code already-exists} (grant or create that changed nothing)
 * @param grantIds    grant: the grants the write produced, with the ids a sync would give them (none when AWS
 *                    hides the existing membership id); revoke: the revoked grant
 * @param resourceIds the created account's resource id, or the deleted resource's id
 * @param requestIds  AWS request ids of the writes, for support cases and CloudTrail
 * @param message     one human-readable line
 */
public record Outcome(
        String action,
        String outcome,
        List<String> grantIds,
        List<String> resourceIds,
        List<String> requestIds,
        String message) {
    public Outcome {
        requireNonNull(action, "action is null");
        requireNonNull(outcome, "outcome is null");
        grantIds = List.copyOf(requireNonNull(grantIds, "grantIds is null"));
        resourceIds = List.copyOf(requireNonNull(resourceIds, "resourceIds is null"));
        requestIds = List.copyOf(requireNonNull(requestIds, "requestIds is null"));
        requireNonNull(message, "message is null");
    }

    /** True when the task found the world already as requested and wrote nothing. */
    public boolean unchanged() {
        return outcome.startsWith("already-") || outcome.equals("does-not-exist");
    }

    /** One line of JSON with the fields in declaration order. */
    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("action", action);
        fields.put("outcome", outcome);
        fields.put("grantIds", grantIds);
        fields.put("resourceIds", resourceIds);
        fields.put("requestIds", requestIds);
        fields.put("message", message);
        try {
            return new ObjectMapper().writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
