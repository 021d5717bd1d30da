package dev.baton.aws.model;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Timestamp;
import dev.baton.aws.proto.c1.connector.v2.AppTrait;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.ScopeBindingTrait;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.proto.c1.connector.v2.Status;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link Resource} the way the baton SDK helpers do: the profile goes both to {@code Resource.profile} and
 * to the trait's deprecated {@code profile} (CLI-legacy reads the trait), a user's trait status defaults to ENABLED
 * and is mirrored to {@code Resource.status} unless that was set explicitly, and the account type defaults to HUMAN.
 * Annotation order is the order of the calls, with the trait last.
 */
public final class ResourceBuilder {
    private final ResourceId id;
    private final Resource.Builder resource = Resource.newBuilder();
    private final List<Any> annotations = new ArrayList<>();
    private Struct profile;
    private Message.Builder trait;
    private boolean explicitStatus;

    private ResourceBuilder(ResourceId id) {
        this.id = requireNonNull(id, "id is null");
    }

    public static ResourceBuilder builder(String resourceType, String resourceId) {
        return new ResourceBuilder(Ids.resourceId(resourceType, resourceId));
    }

    public ResourceBuilder displayName(String displayName) {
        resource.setDisplayName(requireNonNull(displayName, "displayName is null"));
        return this;
    }

    public ResourceBuilder description(String description) {
        resource.setDescription(requireNonNull(description, "description is null"));
        return this;
    }

    /** A null parent means a top-level resource. */
    public ResourceBuilder parent(ResourceId parent) {
        if (parent != null) {
            resource.setParentResourceId(parent);
        } else {
            resource.clearParentResourceId();
        }
        return this;
    }

    public ResourceBuilder profile(Map<String, ?> fields) {
        this.profile = Profiles.of(fields);
        return this;
    }

    public ResourceBuilder v1Identifier(String v1Id) {
        return annotation(V1Identifier.newBuilder().setId(v1Id).build());
    }

    public ResourceBuilder childType(String resourceTypeId) {
        return annotation(
                ChildResourceType.newBuilder().setResourceTypeId(resourceTypeId).build());
    }

    public ResourceBuilder annotation(Message annotation) {
        annotations.add(Any.pack(annotation));
        return this;
    }

    public ResourceBuilder status(Status.ResourceStatus status) {
        resource.setStatus(Status.newBuilder().setStatus(status));
        explicitStatus = status != Status.ResourceStatus.RESOURCE_STATUS_UNSPECIFIED;
        return this;
    }

    public ResourceBuilder createdAt(Timestamp createdAt) {
        resource.setCreatedAt(requireNonNull(createdAt, "createdAt is null"));
        return this;
    }

    /** The user trait; emails, login, last login, MFA and status are set by the caller on the given builder. */
    public ResourceBuilder userTrait(UserTrait.Builder userTrait) {
        this.trait = requireNonNull(userTrait, "userTrait is null");
        return this;
    }

    public ResourceBuilder groupTrait() {
        this.trait = GroupTrait.newBuilder();
        return this;
    }

    public ResourceBuilder roleTrait() {
        this.trait = RoleTrait.newBuilder();
        return this;
    }

    public ResourceBuilder appTrait() {
        this.trait = AppTrait.newBuilder();
        return this;
    }

    public ResourceBuilder secretTrait(SecretTrait.Builder secretTrait) {
        this.trait = requireNonNull(secretTrait, "secretTrait is null");
        return this;
    }

    public ResourceBuilder scopeBindingTrait(ResourceId roleId, ResourceId scopeResourceId) {
        this.trait = ScopeBindingTrait.newBuilder().setRoleId(roleId).setScopeResourceId(scopeResourceId);
        return this;
    }

    public Resource build() {
        resource.setId(id);
        if (profile != null) {
            resource.setProfile(profile);
        }
        List<Any> all = new ArrayList<>(annotations);
        if (trait != null) {
            all.add(Any.pack(finishTrait()));
        }
        return resource.addAllAnnotations(all).build();
    }

    private Message finishTrait() {
        Struct traitProfile = profile != null ? profile : Struct.getDefaultInstance();
        if (trait instanceof UserTrait.Builder user) {
            user.setProfile(traitProfile);
            if (user.getStatus().getStatus() == UserTrait.Status.StatusValue.STATUS_UNSPECIFIED) {
                user.setStatus(UserTrait.Status.newBuilder().setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED));
            }
            if (user.getAccountType() == UserTrait.AccountType.ACCOUNT_TYPE_UNSPECIFIED) {
                user.setAccountType(UserTrait.AccountType.ACCOUNT_TYPE_HUMAN);
            }
            if (!explicitStatus) {
                resource.setStatus(Status.newBuilder()
                        .setStatus(
                                Status.ResourceStatus.forNumber(user.getStatus().getStatusValue())));
            }
            if (user.hasCreatedAt() && !resource.hasCreatedAt()) {
                resource.setCreatedAt(user.getCreatedAt());
            }
            return user.build();
        }
        if (trait instanceof GroupTrait.Builder group) {
            return group.setProfile(traitProfile).build();
        }
        if (trait instanceof RoleTrait.Builder role) {
            return role.setProfile(traitProfile).build();
        }
        if (trait instanceof AppTrait.Builder app) {
            return app.setProfile(traitProfile).build();
        }
        if (trait instanceof SecretTrait.Builder secret) {
            if (resource.hasCreatedAt() && !secret.hasCreatedAt()) {
                secret.setCreatedAt(resource.getCreatedAt());
            }
            return secret.setProfile(traitProfile).build();
        }
        return trait.build();
    }
}
