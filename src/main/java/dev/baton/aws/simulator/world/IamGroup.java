package dev.baton.aws.simulator.world;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An IAM group; its members are the users that list it in {@link IamUser#groups()}. */
public record IamGroup(
        String name,
        String path,
        String id,
        Instant createDate,
        Map<String, JsonNode> inlinePolicies,
        List<String> attachedPolicies) {
    public IamGroup {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(id, "id is null");
        requireNonNull(createDate, "createDate is null");
        inlinePolicies = Collections.unmodifiableMap(new LinkedHashMap<>(inlinePolicies));
        attachedPolicies = List.copyOf(attachedPolicies);
    }

    public String arn(String accountId) {
        return "arn:aws:iam::" + accountId + ":group" + path + name;
    }

    public IamGroup withInlinePolicies(Map<String, JsonNode> newInlinePolicies) {
        return new IamGroup(name, path, id, createDate, newInlinePolicies, attachedPolicies);
    }

    public IamGroup withAttachedPolicies(List<String> newAttachedPolicies) {
        return new IamGroup(name, path, id, createDate, inlinePolicies, newAttachedPolicies);
    }
}
