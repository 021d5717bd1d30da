package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.PageToken;
import dev.baton.aws.spi.SyncException;
import dev.baton.aws.testing.FakeAwsClients;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InlinePolicySyncerTest {
    private static final String ROLE = "arn:aws:iam::123456789012:role/app";
    private final InlinePolicySyncer syncer = new InlinePolicySyncer(
            new IamReaders(new FakeAwsClients(), true, message -> {}),
            message -> {},
            arn -> Optional.of("{\"Statement\":[]}"));

    @Test
    void iamParentPolicyIdsAndDescriptionFollowUpstream() {
        Resource resource =
                InlinePolicySyncer.toResource(Ids.resourceId("role", ROLE), new InlinePolicy("S3Read", "{\"a\":1}"));
        assertEquals(ROLE + "::inline::S3Read", resource.getId().getResource());
        assertEquals("Inline policy S3Read attached to role IAM " + ROLE, resource.getDescription());
        assertEquals(ROLE, Profiles.string(resource.getProfile(), "aws_parent_arn"));
        assertEquals("{\"a\":1}", Profiles.string(resource.getProfile(), "policy_document"));
    }

    @Test
    void grantGoesToTheParentWithItsExpansionRule() throws SyncException {
        Resource resource = InlinePolicySyncer.toResource(Ids.resourceId("role", ROLE), new InlinePolicy("S3Read", ""));
        assertFalse(resource.getProfile().containsFields("policy_document"));
        var entitlement =
                syncer.entitlements(resource, PageToken.first()).items().get(0);
        assertEquals("inline_policy:" + ROLE + "::inline::S3Read:attached", entitlement.getId());
        assertEquals("S3Read Inline Policy", entitlement.getDisplayName());
        assertEquals(
                List.of("role"),
                entitlement.getGrantableToList().stream().map(t -> t.getId()).toList());
        Grant grant = syncer.grants(resource, PageToken.first()).items().get(0);
        assertEquals("inline_policy:" + ROLE + "::inline::S3Read:attached:role:" + ROLE, grant.getId());
        assertEquals(
                List.of("role:" + ROLE + ":assignment"),
                Annotations.find(grant.getAnnotationsList(), GrantExpandable.class)
                        .orElseThrow()
                        .getEntitlementIdsList());
    }

    @Test
    void permissionSetInlinePolicyComesThroughTheSeam() throws SyncException {
        String ps = "arn:aws:sso:::permissionSet/ssoins-1/ps-1";
        ResourceId parent = Ids.resourceId("permission_set", ps);
        List<Resource> resources = syncer.list(parent, PageToken.first()).items();
        assertEquals(1, resources.size());
        Resource resource = resources.get(0);
        assertEquals(ps + "::inline::inline", resource.getId().getResource());
        assertEquals("inline", resource.getDisplayName());
        assertEquals("Inline policy attached to permission set " + ps, resource.getDescription());
        Grant grant = syncer.grants(resource, PageToken.first()).items().get(0);
        assertTrue(grant.getAnnotationsList().isEmpty());
    }

    @Test
    void topLevelListingIsEmptyAndAMissingParentIsAnError() throws SyncException {
        assertTrue(syncer.list(null, PageToken.first()).items().isEmpty());
        Resource orphan = Resource.newBuilder()
                .setId(Ids.resourceId("inline_policy", "x::inline::y"))
                .build();
        assertThrows(SyncException.class, () -> syncer.entitlements(orphan, PageToken.first()));
    }
}
