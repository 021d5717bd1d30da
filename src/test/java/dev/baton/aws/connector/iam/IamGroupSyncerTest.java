package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;
import org.junit.jupiter.api.Test;

class IamGroupSyncerTest {
    private static final String ARN = "arn:aws:iam::111111111111:group/eng/admins";
    private final Resource group = IamGroupSyncer.toResource(new Group(ARN, "admins", "/eng/", "AGPA1"), null);

    @Test
    void mapsProfileAndMemberEntitlement() {
        assertEquals("admins", group.getDisplayName());
        assertEquals("iam", Profiles.string(group.getProfile(), "aws_group_type"));
        assertEquals("admins", Profiles.string(group.getProfile(), "aws_group_name"));
        assertEquals("AGPA1", Profiles.string(group.getProfile(), "aws_group_id"));
        var member = IamGrants.groupMember(group);
        assertEquals("group:" + ARN + ":member", member.getId());
        assertEquals("admins Group Member", member.getDisplayName());
        assertEquals("Is member of the admins IAM group in AWS", member.getDescription());
        assertEquals(
                List.of("iam_user"),
                member.getGrantableToList().stream().map(t -> t.getId()).toList());
    }

    @Test
    void membershipGrantsCarryTheV1Identifier() {
        String user = "arn:aws:iam::111111111111:user/bob";
        Grant grant = IamGroupSyncer.memberGrants(group, List.of(user)).get(0);
        assertEquals("group:" + ARN + ":member:iam_user:" + user, grant.getId());
        assertEquals(
                "grant:membership:" + ARN + ":" + user,
                Annotations.find(grant.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }

    @Test
    void attachedPolicyGrantsExpandShallowlyToMembers() {
        Grant grant = IamGrants.policyAttachment(
                new AttachedPolicy("ReadOnly", "arn:aws:iam::aws:policy/ReadOnly"), group.getId());
        assertEquals("iam_policy:arn:aws:iam::aws:policy/ReadOnly:attached:group:" + ARN, grant.getId());
        GrantExpandable expandable = Annotations.find(grant.getAnnotationsList(), GrantExpandable.class)
                .orElseThrow();
        assertEquals(List.of("group:" + ARN + ":member"), expandable.getEntitlementIdsList());
        assertTrue(expandable.getShallow());
    }
}
