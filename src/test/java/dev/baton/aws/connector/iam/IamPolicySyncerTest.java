package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.iam.IamRecords.ManagedPolicy;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.SkipGrants;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import org.junit.jupiter.api.Test;

class IamPolicySyncerTest {
    private final ResourceId child = Ids.resourceId("account_iam", "222222222222");

    @Test
    void awsManagedPoliciesHaveNoParentEvenUnderAChildAccount() {
        Resource resource = IamPolicySyncer.toResource(
                new ManagedPolicy("arn:aws:iam::aws:policy/ReadOnlyAccess", "ReadOnlyAccess", "", "v3"), "{}", child);
        assertFalse(resource.hasParentResourceId());
        assertEquals("{}", Profiles.string(resource.getProfile(), "policy_document"));
        assertTrue(Annotations.has(resource.getAnnotationsList(), SkipGrants.class));
        assertFalse(Annotations.has(resource.getAnnotationsList(), V1Identifier.class));
    }

    @Test
    void customerPoliciesKeepTheirAccountAndOmitAnEmptyDocument() {
        String arn = "arn:aws:iam::222222222222:policy/team/Deploy";
        Resource resource = IamPolicySyncer.toResource(new ManagedPolicy(arn, "Deploy", "deploys", "v1"), "", child);
        assertEquals(child, resource.getParentResourceId());
        assertEquals("deploys", resource.getDescription());
        assertEquals("Deploy", Profiles.string(resource.getProfile(), "aws_policy_name"));
        assertEquals(arn, Profiles.string(resource.getProfile(), "aws_policy_arn"));
        assertFalse(resource.getProfile().containsFields("policy_document"));
        var attached = IamGrants.policyAttached(resource);
        assertEquals("iam_policy:" + arn + ":attached", attached.getId());
        assertEquals("Deploy Managed Policy", attached.getDisplayName());
        assertEquals("Has the Deploy managed policy in AWS", attached.getDescription());
        assertEquals(5, attached.getGrantableToCount());
    }
}
