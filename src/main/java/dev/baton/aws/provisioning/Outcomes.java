package dev.baton.aws.provisioning;

import com.google.protobuf.Any;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.RequestId;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceDoesNotExist;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.ProvisionResult;
import java.util.List;

/** Turns a provisioner's result into the outcome word, ids and message the user sees. */
final class Outcomes {
    private Outcomes() {}

    static Outcome granted(Entitlement entitlement, ResourceId principal, ProvisionResult result) {
        String who = Ids.resourceKey(principal);
        boolean existed = Annotations.has(result.annotations(), GrantAlreadyExists.class);
        String message = existed
                ? who + " already has " + entitlement.getId() + "; nothing changed"
                : "granted " + entitlement.getId() + " to " + who;
        return new Outcome(
                "grant",
                existed ? "already-exists" : "granted",
                grantIds(result),
                List.of(),
                requestIds(result.annotations()),
                message);
    }

    static Outcome revoked(Grant grant, ProvisionResult result) {
        boolean absent = Annotations.has(result.annotations(), GrantAlreadyRevoked.class);
        String message = absent
                ? "grant " + grant.getId() + " was already revoked; nothing changed"
                : "revoked " + grant.getEntitlement().getId() + " from "
                        + Ids.resourceKey(grant.getPrincipal().getId());
        return new Outcome(
                "revoke",
                absent ? "already-revoked" : "revoked",
                List.of(grant.getId()),
                List.of(),
                requestIds(result.annotations()),
                message);
    }

    /** Account creators mark an account that already existed with {@code GrantAlreadyExists}. */
    static Outcome created(String resourceType, ProvisionResult result) {
        boolean existed = Annotations.has(result.annotations(), GrantAlreadyExists.class);
        List<String> ids =
                result.resources().stream().map(r -> r.getId().getResource()).toList();
        String names = String.join(
                ", ", result.resources().stream().map(Outcomes::describe).toList());
        String message = existed
                ? resourceType + " " + names + " already exists; nothing changed"
                : "created " + resourceType + " " + names;
        return new Outcome(
                "create-account",
                existed ? "already-exists" : "created",
                List.of(),
                ids,
                requestIds(result.annotations()),
                message);
    }

    static Outcome deleted(ResourceId resource, ProvisionResult result) {
        boolean absent = Annotations.has(result.annotations(), ResourceDoesNotExist.class);
        String message = absent
                ? Ids.resourceKey(resource) + " does not exist; nothing changed"
                : "deleted " + Ids.resourceKey(resource);
        return new Outcome(
                "delete-resource",
                absent ? "does-not-exist" : "deleted",
                List.of(),
                List.of(resource.getResource()),
                requestIds(result.annotations()),
                message);
    }

    private static List<String> grantIds(ProvisionResult result) {
        return result.grants().stream().map(Grant::getId).toList();
    }

    private static String describe(Resource resource) {
        return resource.getDisplayName().isEmpty()
                        || resource.getDisplayName().equals(resource.getId().getResource())
                ? resource.getId().getResource()
                : resource.getDisplayName() + " (" + resource.getId().getResource() + ")";
    }

    static List<String> requestIds(List<Any> annotations) {
        return annotations.stream()
                .filter(any -> any.is(RequestId.class))
                .map(any -> Annotations.find(List.of(any), RequestId.class)
                        .orElseThrow()
                        .getRequestId())
                .toList();
    }
}
