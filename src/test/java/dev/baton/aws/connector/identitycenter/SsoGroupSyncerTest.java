package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GroupTrait;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.model.Group;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.MemberId;

class SsoGroupSyncerTest {
    private static final String GROUP_ARN = "arn:aws:identitystore:us-east-1::d-1234567890/group/g-1";
    private static final String USER_ARN = "arn:aws:identitystore:us-east-1::d-1234567890/user/u-1";

    private static Resource group() {
        return SsoGroupSyncer.toResource(
                Group.builder().groupId("g-1").displayName("Engineers").build(), GROUP_ARN);
    }

    @Test
    void mapsGroupWithProfileAndTrait() {
        Resource resource = group();
        assertEquals("sso_group", resource.getId().getResourceType());
        assertEquals(GROUP_ARN, resource.getId().getResource());
        assertEquals("Engineers", resource.getDisplayName());
        assertEquals(
                List.of("aws_group_type", "aws_group_name", "aws_group_id"),
                List.copyOf(resource.getProfile().getFieldsMap().keySet()));
        assertEquals("sso", Profiles.string(resource.getProfile(), "aws_group_type"));
        assertEquals("g-1", Profiles.string(resource.getProfile(), "aws_group_id"));
        assertEquals(
                GROUP_ARN,
                Annotations.find(resource.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
        assertEquals(true, Annotations.has(resource.getAnnotationsList(), GroupTrait.class));
    }

    @Test
    void memberEntitlementFollowsUpstreamWording() {
        Entitlement member = SsoGroupSyncer.entitlement(group());
        assertEquals("sso_group:" + GROUP_ARN + ":member", member.getId());
        assertEquals("member", member.getSlug());
        assertEquals("Engineers Group Member", member.getDisplayName());
        assertEquals("Is member of the Engineers SSO group in AWS", member.getDescription());
        assertEquals(
                List.of("sso_user"),
                member.getGrantableToList().stream().map(t -> t.getId()).toList());
        assertEquals(
                "membership:" + GROUP_ARN,
                Annotations.find(member.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }

    @Test
    void membershipGrantIdIsTheAwsMembershipId() {
        Entitlement member = SsoGroupSyncer.entitlement(group());
        GroupMembership membership = GroupMembership.builder()
                .membershipId("m-7f3a")
                .memberId(MemberId.fromUserId("u-1"))
                .build();
        Grant grant = SsoGroupSyncer.grant(member, membership, USER_ARN);
        assertEquals("m-7f3a", grant.getId());
        assertEquals("sso_user", grant.getPrincipal().getId().getResourceType());
        assertEquals(USER_ARN, grant.getPrincipal().getId().getResource());
        assertEquals(member.getId(), grant.getEntitlement().getId());
        assertEquals(
                "grant:membership:" + GROUP_ARN + ":" + USER_ARN,
                Annotations.find(grant.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }

    @Test
    void grantWithoutMembershipIdFallsBackToTheSdkId() {
        Entitlement member = SsoGroupSyncer.entitlement(group());
        Grant grant = SsoGroupSyncer.grant(
                member,
                GroupMembership.builder().memberId(MemberId.fromUserId("u-1")).build(),
                USER_ARN);
        assertEquals("sso_group:" + GROUP_ARN + ":member:sso_user:" + USER_ARN, grant.getId());
    }
}
