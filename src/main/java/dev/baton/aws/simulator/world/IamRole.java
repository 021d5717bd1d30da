package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IAM role. {@code lastUsed} and {@code permissionsBoundary} may be null. {@code policiesEnforced}: calls made
 * with this role's sessions are allowed only by its inline and attached policies, as in AWS (see
 * {@code IdentityPolicyCheck}); false keeps the simulator's default of allowing everything not in {@code deny}.
 */
public record IamRole(
        String name,
        String path,
        String id,
        Instant createDate,
        String description,
        int maxSessionDuration,
        JsonNode trustPolicy,
        Map<String, JsonNode> inlinePolicies,
        List<String> attachedPolicies,
        Map<String, String> tags,
        RoleLastUsed lastUsed,
        String permissionsBoundary,
        List<String> deny,
        boolean policiesEnforced) {
    public IamRole {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(id, "id is null");
        requireNonNull(createDate, "createDate is null");
        requireNonNull(description, "description is null");
        requireNonNull(trustPolicy, "trustPolicy is null");
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        attachedPolicies = List.copyOf(attachedPolicies);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        deny = List.copyOf(deny);
    }

    /** A role whose policies are not enforced (the simulator's default). */
    public IamRole(
            String name,
            String path,
            String id,
            Instant createDate,
            String description,
            int maxSessionDuration,
            JsonNode trustPolicy,
            Map<String, JsonNode> inlinePolicies,
            List<String> attachedPolicies,
            Map<String, String> tags,
            RoleLastUsed lastUsed,
            String permissionsBoundary,
            List<String> deny) {
        this(
                name,
                path,
                id,
                createDate,
                description,
                maxSessionDuration,
                trustPolicy,
                inlinePolicies,
                attachedPolicies,
                tags,
                lastUsed,
                permissionsBoundary,
                deny,
                false);
    }

    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    public IamRole withInlinePolicies(Map<String, JsonNode> newInlinePolicies) {
        return new IamRole(
                name,
                path,
                id,
                createDate,
                description,
                maxSessionDuration,
                trustPolicy,
                newInlinePolicies,
                attachedPolicies,
                tags,
                lastUsed,
                permissionsBoundary,
                deny,
                policiesEnforced);
    }

    public IamRole withAttachedPolicies(List<String> newAttachedPolicies) {
        return new IamRole(
                name,
                path,
                id,
                createDate,
                description,
                maxSessionDuration,
                trustPolicy,
                inlinePolicies,
                newAttachedPolicies,
                tags,
                lastUsed,
                permissionsBoundary,
                deny,
                policiesEnforced);
    }
}
