package dev.baton.aws.sync;

import com.google.protobuf.Message;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.AppTrait;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.ScopeBindingTrait;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.SyncException;

/**
 * The SDK's rule that a resource carries the trait annotation for each trait its type declares. Readers rely on it:
 * {@code baton export} builds identity rows from {@code UserTrait}, and the SDK fails a sync that breaks it.
 */
final class TraitRequirements {
    private TraitRequirements() {}

    static void check(ResourceType type, Resource resource) throws SyncException {
        for (ResourceType.Trait trait : type.getTraitsList()) {
            Class<? extends Message> required = annotationFor(trait);
            if (required != null && !Annotations.has(resource.getAnnotationsList(), required)) {
                throw new SyncException("resource " + Ids.resourceKey(resource.getId()) + " has no "
                        + required.getSimpleName() + " annotation, which its type " + type.getId() + " ("
                        + trait + ") requires");
            }
        }
    }

    /** Null for traits without a required annotation (insights, vendors, ...). */
    private static Class<? extends Message> annotationFor(ResourceType.Trait trait) {
        return switch (trait) {
            case TRAIT_USER -> UserTrait.class;
            case TRAIT_GROUP -> GroupTrait.class;
            case TRAIT_ROLE -> RoleTrait.class;
            case TRAIT_APP -> AppTrait.class;
            case TRAIT_SECRET -> SecretTrait.class;
            case TRAIT_SCOPE_BINDING -> ScopeBindingTrait.class;
            default -> null;
        };
    }
}
