package dev.baton.aws.cli;

import dev.baton.aws.c1z.query.AccessPath;
import dev.baton.aws.c1z.query.SyncView;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** How query output names stored objects: type display names from the file, resource display names, paths. */
final class QueryNames {
    private final Map<String, String> typeNames = new HashMap<>();

    QueryNames(SyncView view) {
        for (ResourceType type : view.resourceTypes()) {
            typeNames.put(type.getId(), type.getDisplayName().isEmpty() ? type.getId() : type.getDisplayName());
        }
    }

    String typeName(String typeId) {
        return typeNames.getOrDefault(typeId, typeId);
    }

    static String key(ResourceId id) {
        return id.getResourceType() + ":" + id.getResource();
    }

    static String displayName(Resource resource) {
        return resource.getDisplayName().isEmpty() ? resource.getId().getResource() : resource.getDisplayName();
    }

    static String entitlementName(Entitlement entitlement) {
        if (!entitlement.getDisplayName().isEmpty()) {
            return entitlement.getDisplayName();
        }
        return entitlement.getSlug().isEmpty() ? entitlement.getId() : entitlement.getSlug();
    }

    /** {@code direct}, or {@code via IAM Group "eng" (member) > ...} from the first hop outward. */
    String path(AccessPath path) {
        if (path.direct()) {
            return "direct";
        }
        return path.hops().stream().map(this::hop).collect(Collectors.joining(" > "));
    }

    String hop(Entitlement hop) {
        if (!hop.hasResource()) {
            return "via " + hop.getId();
        }
        return "via " + typeName(hop.getResource().getId().getResourceType()) + " \"" + displayName(hop.getResource())
                + "\" (" + entitlementName(hop) + ")";
    }

    String paths(List<AccessPath> paths) {
        return paths.stream().map(this::path).collect(Collectors.joining("; "));
    }
}
