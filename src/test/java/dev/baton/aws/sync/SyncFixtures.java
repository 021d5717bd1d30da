package dev.baton.aws.sync;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import java.util.List;

/** Small builders for hand-written sync fixtures. */
public final class SyncFixtures {
    public static final ResourceType USER = type("user", ResourceType.Trait.TRAIT_USER);
    public static final ResourceType GROUP = type("group", ResourceType.Trait.TRAIT_GROUP);
    public static final ResourceType ROLE = type("role", ResourceType.Trait.TRAIT_ROLE);

    private SyncFixtures() {}

    public static ResourceType type(String id, ResourceType.Trait trait, Message... annotations) {
        ResourceType.Builder builder = ResourceType.newBuilder().setId(id).setDisplayName(id);
        if (trait != ResourceType.Trait.TRAIT_UNSPECIFIED) {
            builder.addTraits(trait);
        }
        for (Message annotation : annotations) {
            builder.addAnnotations(Any.pack(annotation));
        }
        return builder.build();
    }

    public static ResourceType withAnnotation(ResourceType type, Message annotation) {
        return type.toBuilder().addAnnotations(Any.pack(annotation)).build();
    }

    public static Resource user(String id) {
        return resource(
                "user",
                id,
                null,
                UserTrait.newBuilder()
                        .setProfile(Struct.newBuilder()
                                .putFields(
                                        "login",
                                        Value.newBuilder().setStringValue(id).build()))
                        .setStatus(UserTrait.Status.newBuilder().setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
                        .build());
    }

    public static Resource group(String id) {
        return resource("group", id, null, GroupTrait.getDefaultInstance());
    }

    public static Resource role(String id) {
        return resource("role", id, null, RoleTrait.getDefaultInstance());
    }

    /** A resource with the given annotations (traits included) and an optional parent. */
    public static Resource resource(String type, String id, ResourceId parent, Message... annotations) {
        Resource.Builder builder =
                Resource.newBuilder().setId(Ids.resourceId(type, id)).setDisplayName(id);
        if (parent != null) {
            builder.setParentResourceId(parent);
        }
        for (Message annotation : annotations) {
            builder.addAnnotations(Any.pack(annotation));
        }
        return builder.build();
    }

    public static Resource withAnnotation(Resource resource, Message annotation) {
        return resource.toBuilder().addAnnotations(Any.pack(annotation)).build();
    }

    public static ChildResourceType child(String typeId) {
        return ChildResourceType.newBuilder().setResourceTypeId(typeId).build();
    }

    public static Entitlement entitlement(Resource resource, String slug) {
        return Entitlement.newBuilder()
                .setId(Ids.entitlementId(resource.getId(), slug))
                .setResource(resource)
                .setDisplayName(slug)
                .setSlug(slug)
                .setPurpose(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT)
                .build();
    }

    /** The SDK's NewGrant shape: {id, entitlement {id, resource}, principal {id}}. */
    public static Grant grant(Entitlement entitlement, ResourceId principal) {
        return Grant.newBuilder()
                .setId(Ids.grantId(entitlement.getId(), principal))
                .setEntitlement(
                        Entitlement.newBuilder().setId(entitlement.getId()).setResource(entitlement.getResource()))
                .setPrincipal(Resource.newBuilder().setId(principal))
                .build();
    }

    public static Grant expandable(Grant grant, boolean shallow, List<String> resourceTypeIds, String... sources) {
        GrantExpandable expandable = GrantExpandable.newBuilder()
                .addAllEntitlementIds(List.of(sources))
                .setShallow(shallow)
                .addAllResourceTypeIds(resourceTypeIds)
                .build();
        return grant.toBuilder().addAnnotations(Any.pack(expandable)).build();
    }

    public static Grant expandable(Grant grant, String... sources) {
        return expandable(grant, false, List.of(), sources);
    }
}
