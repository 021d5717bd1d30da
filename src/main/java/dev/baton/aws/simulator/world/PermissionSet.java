package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** An Identity Center permission set. {@code inlinePolicy} and {@code permissionsBoundary} may be null. */
public record PermissionSet(
        String arn,
        String name,
        String description,
        String sessionDuration,
        Instant createdDate,
        List<String> managedPolicies,
        List<PolicyReference> customerManagedPolicies,
        JsonNode inlinePolicy,
        PermissionsBoundary permissionsBoundary) {
    public PermissionSet {
        requireNonNull(arn, "arn is null");
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(sessionDuration, "sessionDuration is null");
        requireNonNull(createdDate, "createdDate is null");
        managedPolicies = List.copyOf(managedPolicies);
        customerManagedPolicies = List.copyOf(customerManagedPolicies);
    }
}
