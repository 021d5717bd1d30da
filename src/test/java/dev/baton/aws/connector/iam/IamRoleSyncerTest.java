package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.iam.IamRecords.Role;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.RoleTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamRoleSyncerTest {
    private static final String ARN = "arn:aws:iam::111111111111:role/deploy";
    private static final String TRUST = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
            + "\"Principal\":{\"AWS\":[\"arn:aws:iam::111111111111:user/alice\",\"arn:aws:iam::111111111111:role/ci\","
            + "\"arn:aws:iam::222222222222:root\"],\"Service\":\"codebuild.amazonaws.com\"}}]}";

    @Test
    void mapsProfileWithNhiClassificationAndTrustedPrincipals() {
        Resource resource =
                IamRoleSyncer.toResource(new Role(ARN, "deploy", "/", "Deploys", 7200, Map.of("k", "v"), TRUST), null);
        assertEquals("deploy", resource.getDisplayName());
        assertFalse(resource.hasParentResourceId());
        var profile = resource.getProfile();
        assertEquals("deploy", Profiles.string(profile, "aws_role_name"));
        assertEquals("Deploys", Profiles.string(profile, "aws_role_description"));
        assertEquals(
                7200,
                profile.getFieldsOrThrow("aws_max_session_duration_seconds").getNumberValue());
        assertEquals("NHI_TYPE_ASSUMABLE_ROLE", Profiles.string(profile, "aws_nhi_type"));
        assertEquals("aws.role.codebuild", Profiles.string(profile, "aws_nhi_detail"));
        assertEquals(
                List.of("AWS:arn:aws:iam::222222222222:root", "Service:codebuild.amazonaws.com"),
                profile.getFieldsOrThrow("aws_trusted_principals").getListValue().getValuesList().stream()
                        .map(v -> v.getStringValue())
                        .toList());
        assertEquals(
                ARN,
                Annotations.find(resource.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
        assertTrue(Annotations.has(resource.getAnnotationsList(), RoleTrait.class));
    }

    @Test
    void maxSessionDurationIsLeftOutWhenUnknown() {
        Resource resource = IamRoleSyncer.toResource(new Role(ARN, "deploy", "/", "", null, Map.of(), ""), null);
        assertFalse(resource.getProfile().containsFields("aws_max_session_duration_seconds"));
        assertEquals("aws.role", Profiles.string(resource.getProfile(), "aws_nhi_detail"));
    }

    @Test
    void trustGrantsExpandThroughRolePrincipalsOnly() {
        Resource role = IamRoleSyncer.toResource(new Role(ARN, "deploy", "/", "", null, Map.of(), TRUST), null);
        Entitlement assignment = IamGrants.roleAssignment(role);
        assertEquals("role:" + ARN + ":assignment", assignment.getId());
        assertEquals("deploy Role", assignment.getDisplayName());
        assertEquals(
                "membership:" + ARN,
                Annotations.find(assignment.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());

        List<Grant> grants =
                IamRoleSyncer.trustGrants(role, TrustPolicy.parse(TRUST).assumingPrincipals());
        assertEquals(
                List.of(
                        "role:" + ARN + ":assignment:iam_user:arn:aws:iam::111111111111:user/alice",
                        "role:" + ARN + ":assignment:role:arn:aws:iam::111111111111:role/ci"),
                grants.stream().map(Grant::getId).toList());
        assertFalse(Annotations.has(grants.get(0).getAnnotationsList(), GrantExpandable.class));
        GrantExpandable expandable = Annotations.find(grants.get(1).getAnnotationsList(), GrantExpandable.class)
                .orElseThrow();
        assertEquals(List.of("role:arn:aws:iam::111111111111:role/ci:assignment"), expandable.getEntitlementIdsList());
        assertFalse(expandable.getShallow());
    }
}
