package dev.baton.aws.c1z;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.GrantImmutable;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Small, valid baton objects: an account, users parented by it, groups, membership entitlements and grants. */
final class C1zFixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T17:45:13.056791Z"), ZoneOffset.UTC);

    static final ResourceType ACCOUNT_TYPE =
            ResourceType.newBuilder().setId("account").setDisplayName("Account").build();
    static final ResourceType USER_TYPE = ResourceType.newBuilder()
            .setId("user")
            .setDisplayName("User")
            .addTraits(ResourceType.Trait.TRAIT_USER)
            .build();
    static final ResourceType GROUP_TYPE = ResourceType.newBuilder()
            .setId("group")
            .setDisplayName("Group")
            .addTraits(ResourceType.Trait.TRAIT_GROUP)
            .build();
    static final List<ResourceType> TYPES = List.of(ACCOUNT_TYPE, USER_TYPE, GROUP_TYPE);

    private C1zFixtures() {}

    static C1zWriterOptions options(Path tempDir) {
        return new C1zWriterOptions(tempDir, 3, CLOCK, 3);
    }

    static ResourceId id(String type, String id) {
        return ResourceId.newBuilder().setResourceType(type).setResource(id).build();
    }

    static Resource account(String accountId) {
        return Resource.newBuilder()
                .setId(id("account", accountId))
                .setDisplayName("Account " + accountId)
                .build();
    }

    static Resource user(String name, String accountId) {
        Struct profile = Struct.newBuilder()
                .putFields("user_id", Value.newBuilder().setStringValue(name).build())
                .putFields(
                        "arn",
                        Value.newBuilder()
                                .setStringValue("arn:aws:iam::" + accountId + ":user/" + name)
                                .build())
                .build();
        UserTrait trait = UserTrait.newBuilder()
                .addEmails(UserTrait.Email.newBuilder()
                        .setAddress(name + "@example.com")
                        .setIsPrimary(true))
                .setStatus(UserTrait.Status.newBuilder().setStatus(UserTrait.Status.StatusValue.STATUS_ENABLED))
                .setProfile(profile)
                .setLogin(name)
                .build();
        return Resource.newBuilder()
                .setId(id("user", name))
                .setParentResourceId(id("account", accountId))
                .setDisplayName(name)
                .addAnnotations(Any.pack(trait))
                .build();
    }

    static Resource group(String name) {
        return Resource.newBuilder()
                .setId(id("group", name))
                .setDisplayName(name)
                .addAnnotations(Any.pack(GroupTrait.newBuilder()
                        .setProfile(Struct.getDefaultInstance())
                        .build()))
                .build();
    }

    static Entitlement member(Resource group) {
        String groupId = group.getId().getResource();
        return Entitlement.newBuilder()
                .setResource(group)
                .setId("group:" + groupId + ":member")
                .setDisplayName("member")
                .setSlug("member")
                .setPurpose(Entitlement.PurposeValue.PURPOSE_VALUE_ASSIGNMENT)
                .addGrantableTo(USER_TYPE)
                .build();
    }

    static Grant grant(Entitlement entitlement, Resource principal) {
        ResourceId principalId = principal.getId();
        return Grant.newBuilder()
                .setEntitlement(
                        Entitlement.newBuilder().setId(entitlement.getId()).setResource(entitlement.getResource()))
                .setPrincipal(Resource.newBuilder().setId(principalId))
                .setId(entitlement.getId() + ":" + principalId.getResourceType() + ":" + principalId.getResource())
                .addAnnotations(Any.pack(GrantImmutable.getDefaultInstance()))
                .build();
    }

    /** A nested-group grant: members of {@code childGroup} also hold {@code entitlement}. */
    static Grant expandableGrant(Entitlement entitlement, Resource childGroup, String... sourceEntitlementIds) {
        GrantExpandable expandable = GrantExpandable.newBuilder()
                .addAllEntitlementIds(List.of(sourceEntitlementIds))
                .addResourceTypeIds("user")
                .build();
        return grant(entitlement, childGroup).toBuilder()
                .addAnnotations(Any.pack(expandable))
                .build();
    }

    /**
     * A small valid file at {@code out}: three types, an account, user alice, groups eng and ops with member
     * entitlements, alice's two memberships and the nested-group grant of ops into eng.
     */
    static Path writeSample(Path out, Path tempDir) throws C1zException {
        Resource eng = group("eng");
        Resource ops = group("ops");
        Resource alice = user("alice", "111122223333");
        Entitlement engMember = member(eng);
        Entitlement opsMember = member(ops);
        try (C1zWriter writer =
                C1zWriter.create(out, C1zWriterOptions.defaults().withTempDir(tempDir))) {
            writer.putResourceTypes(TYPES);
            writer.putResources(List.of(account("111122223333"), alice, eng, ops));
            writer.putEntitlements(List.of(engMember, opsMember));
            writer.putGrants(List.of(
                    grant(engMember, alice),
                    grant(opsMember, alice),
                    expandableGrant(engMember, ops, "group:ops:member")));
            writer.finish();
        }
        return out;
    }
}
