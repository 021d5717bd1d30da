package dev.baton.aws.model;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import java.util.List;

/** Static factories for entitlements, shaped like the SDK's {@code NewAssignmentEntitlement}. */
public final class Entitlements {
    private Entitlements() {}

    /**
     * An assignment entitlement with the SDK id {@code <type>:<id>:<slug>}; {@code resource} is embedded in full,
     * as the SDK does (CLI-legacy reads {@code resource.display_name}).
     */
    public static Entitlement assignment(
            Resource resource,
            String slug,
            String displayName,
            String description,
            List<ResourceType> grantableTo,
            List<? extends Message> annotations) {
        return custom(
                resource,
                Ids.entitlementId(resource.getId(), slug),
                slug,
                displayName,
                description,
                grantableTo,
                annotations);
    }

    /** An assignment entitlement whose id does not follow the SDK rule (e.g. the account/permission-set one). */
    public static Entitlement custom(
            Resource resource,
            String id,
            String slug,
            String displayName,
            String description,
            List<ResourceType> grantableTo,
            List<? extends Message> annotations) {
        Entitlement.Builder builder = Entitlement.newBuilder()
                .setResource(resource)
                .setId(id)
                .setDisplayName(displayName)
                .setDescription(description)
                .setPurpose(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT)
                .addAllGrantableTo(grantableTo);
        if (!slug.isEmpty()) {
            builder.setSlug(slug);
        }
        annotations.forEach(annotation -> builder.addAnnotations(Any.pack(annotation)));
        return builder.build();
    }

    /** The {@code {id, resource}} reference a grant embeds (the SDK's NewGrant shape). */
    public static Entitlement reference(String entitlementId, Resource resource) {
        return Entitlement.newBuilder()
                .setId(entitlementId)
                .setResource(resource)
                .build();
    }
}
