package dev.baton.aws.simulator.world;

import static dev.baton.aws.simulator.world.WorldWriter.array;
import static dev.baton.aws.simulator.world.WorldWriter.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code identityCenter} part of {@link WorldWriter}'s output. */
final class IdentityCenterTree {
    private static final ObjectMapper JSON = new ObjectMapper();

    ObjectNode identityCenter(IdentityCenter center) {
        ObjectNode node = JSON.createObjectNode()
                .put("region", center.region())
                .put("ownerAccountId", center.ownerAccountId())
                .put("instanceArn", center.instanceArn())
                .put("identityStoreId", center.identityStoreId());
        node.set("users", array(center.users(), this::user));
        node.set("groups", array(center.groups(), group -> {
            ObjectNode g = JSON.createObjectNode()
                    .put("id", group.id())
                    .put("displayName", group.displayName())
                    .put("description", group.description());
            g.set("externalIds", externalIds(group.externalIds()));
            g.set("members", strings(group.members()));
            return g;
        }));
        node.set("permissionSets", array(center.permissionSets(), this::permissionSet));
        node.set(
                "assignments",
                array(
                        center.assignments(),
                        a -> JSON.createObjectNode()
                                .put("accountId", a.accountId())
                                .put("permissionSetArn", a.permissionSetArn())
                                .put("principalType", a.principalType())
                                .put("principalId", a.principalId())));
        if (center.provisioned() == null) {
            node.putNull("provisioned");
        } else {
            node.set(
                    "provisioned",
                    array(
                            center.provisioned(),
                            p -> JSON.createObjectNode()
                                    .put("permissionSetArn", p.permissionSetArn())
                                    .put("accountId", p.accountId())));
        }
        return node.put(
                "scimToken",
                center.scimToken() == null ? null : center.scimToken().value());
    }

    private ObjectNode user(SsoUser user) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", user.id())
                .put("userName", user.userName())
                .put("displayName", user.displayName())
                .put("givenName", user.givenName())
                .put("familyName", user.familyName());
        node.set(
                "emails",
                array(
                        user.emails(),
                        e -> JSON.createObjectNode()
                                .put("value", e.value())
                                .put("type", e.type())
                                .put("primary", e.primary())));
        node.put("status", user.status());
        node.set("externalIds", externalIds(user.externalIds()));
        return node;
    }

    private ObjectNode permissionSet(PermissionSet set) {
        ObjectNode node = JSON.createObjectNode()
                .put("arn", set.arn())
                .put("name", set.name())
                .put("description", set.description())
                .put("sessionDuration", set.sessionDuration())
                .put("createdDate", set.createdDate().toString());
        node.set("managedPolicies", strings(set.managedPolicies()));
        node.set("customerManagedPolicies", array(set.customerManagedPolicies(), this::reference));
        node.set("inlinePolicy", set.inlinePolicy());
        PermissionsBoundary boundary = set.permissionsBoundary();
        if (boundary == null) {
            node.putNull("permissionsBoundary");
        } else if (boundary.managedPolicyArn() != null) {
            node.putObject("permissionsBoundary").put("managedPolicyArn", boundary.managedPolicyArn());
        } else {
            node.putObject("permissionsBoundary")
                    .set("customerManagedPolicyReference", reference(boundary.customerManagedPolicyReference()));
        }
        return node;
    }

    private JsonNode reference(PolicyReference reference) {
        return JSON.createObjectNode().put("name", reference.name()).put("path", reference.path());
    }

    private static JsonNode externalIds(List<ExternalId> externalIds) {
        return array(
                externalIds,
                e -> JSON.createObjectNode().put("issuer", e.issuer()).put("id", e.id()));
    }
}
