package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Golden assertions on one standalone account (IAM page size 2, so every listing spans several pages). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamSyncersSingleAccountTest {
    static final String A = "arn:aws:iam::111111111111:";

    @RegisterExtension
    static final SimulatorExtension fixture = IamSync.simulator("iam-single.json");

    private GraphWalker.Graph graph;

    @BeforeAll
    void sync() throws Exception {
        graph = IamSync.sync(fixture, IamSync.staticKeys(), IamSync.NO_ORG, IamSync.scope(true, true, Set.of()));
    }

    @Test
    void everyIamObjectIsListedOnceAcrossPages() {
        assertEquals(List.of(), graph.duplicates());
        assertEquals(
                List.of(A + "user/bob", A + "user/carol@example.com", A + "user/connector", A + "user/staff/alice"),
                graph.ids("iam_user"));
        assertEquals(List.of(A + "group/admins", A + "group/eng/devs"), graph.ids("group"));
        assertEquals(
                List.of(
                        A + "role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport",
                        A + "role/ci",
                        A + "role/deploy"),
                graph.ids("role"));
        assertEquals(
                List.of(
                        A + "policy/TeamPolicy",
                        "arn:aws:iam::aws:policy/AdministratorAccess",
                        "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                graph.ids("iam_policy"));
        assertEquals(
                List.of(
                        A + "group/eng/devs::inline::ec2",
                        A + "role/deploy::inline::logs",
                        A + "user/staff/alice::inline::s3-read"),
                graph.ids("inline_policy"));
        assertEquals(
                List.of("AKIAALICE00000000001", "AKIAALICE00000000002", "AKIABOB0000000000001", "AKIACONNECTOR0000001"),
                graph.ids("access-key"));
        assertEquals(List.of(), graph.warnings());
    }

    @Test
    void userProfilesCarryCredentialReportFacts() {
        Resource alice = graph.resource("iam_user", A + "user/staff/alice");
        assertEquals("alice", alice.getDisplayName());
        assertEquals("/staff/", Profiles.string(alice.getProfile(), "aws_path"));
        assertEquals("AIDAALICE0000000001", Profiles.string(alice.getProfile(), "aws_user_id"));
        assertTrue(alice.getProfile().getFieldsOrThrow("aws_console_access").getBoolValue());
        assertEquals(
                "core",
                alice.getProfile()
                        .getFieldsOrThrow("aws_tags")
                        .getStructValue()
                        .getFieldsOrThrow("team")
                        .getStringValue());
        UserTrait trait =
                Annotations.find(alice.getAnnotationsList(), UserTrait.class).orElseThrow();
        assertTrue(trait.getMfaStatus().getMfaEnabled());
        assertEquals(
                List.of("alice@example.com"),
                trait.getEmailsList().stream().map(UserTrait.Email::getAddress).toList());
        assertEquals(
                Instant.parse("2024-06-02T00:00:00Z").getEpochSecond(),
                trait.getLastLogin().getSeconds());

        UserTrait bob = Annotations.find(
                        graph.resource("iam_user", A + "user/bob").getAnnotationsList(), UserTrait.class)
                .orElseThrow();
        assertEquals(
                Instant.parse("2024-04-01T00:00:00Z").getEpochSecond(),
                bob.getLastLogin().getSeconds());
        assertFalse(bob.getMfaStatus().getMfaEnabled());

        Resource carol = graph.resource("iam_user", A + "user/carol@example.com");
        assertFalse(carol.getProfile().getFieldsOrThrow("aws_console_access").getBoolValue());
        UserTrait carolTrait =
                Annotations.find(carol.getAnnotationsList(), UserTrait.class).orElseThrow();
        assertEquals("carol@example.com", carolTrait.getEmails(0).getAddress());
        assertFalse(carolTrait.hasLastLogin());
    }

    @Test
    void roleProfilesClassifyAndKeepTrustedPrincipals() {
        Resource deploy = graph.resource("role", A + "role/deploy");
        assertEquals("Deploys", Profiles.string(deploy.getProfile(), "aws_role_description"));
        assertEquals(
                7200,
                deploy.getProfile()
                        .getFieldsOrThrow("aws_max_session_duration_seconds")
                        .getNumberValue());
        assertEquals(
                "prod",
                deploy.getProfile()
                        .getFieldsOrThrow("aws_tags")
                        .getStructValue()
                        .getFieldsOrThrow("env")
                        .getStringValue());
        assertEquals("aws.role.cross_account", Profiles.string(deploy.getProfile(), "aws_nhi_detail"));
        assertEquals(
                "AWS:arn:aws:iam::999999999999:root",
                deploy.getProfile()
                        .getFieldsOrThrow("aws_trusted_principals")
                        .getListValue()
                        .getValues(0)
                        .getStringValue());
        Resource support =
                graph.resource("role", A + "role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport");
        assertEquals("NHI_TYPE_MANAGED_IDENTITY", Profiles.string(support.getProfile(), "aws_nhi_type"));
        assertEquals(
                "aws.role.codebuild",
                Profiles.string(graph.resource("role", A + "role/ci").getProfile(), "aws_nhi_detail"));
    }

    @Test
    void policiesCarryDecodedDocuments() {
        Resource admin = graph.resource("iam_policy", "arn:aws:iam::aws:policy/AdministratorAccess");
        assertFalse(admin.hasParentResourceId());
        assertTrue(Profiles.string(admin.getProfile(), "policy_document").contains("\"Action\":\"*\""));
        Resource unattached = graph.resource("iam_policy", "arn:aws:iam::aws:policy/ReadOnlyAccess");
        assertTrue(Profiles.string(unattached.getProfile(), "policy_document").contains("s3:List*"));
        Resource team = graph.resource("iam_policy", A + "policy/TeamPolicy");
        assertEquals("", team.getDescription(), "ListPolicies never returns a description (AWS, upstream)");
        assertTrue(Profiles.string(team.getProfile(), "policy_document").contains("ec2:Describe*"));
        Resource inline = graph.resource("inline_policy", A + "user/staff/alice::inline::s3-read");
        assertTrue(Profiles.string(inline.getProfile(), "policy_document").contains("s3:Get*"));
    }

    @Test
    void grantsCoverMembershipTrustAttachmentsAndInlinePolicies() {
        String admin = "iam_policy:arn:aws:iam::aws:policy/AdministratorAccess:attached:";
        String team = "iam_policy:" + A + "policy/TeamPolicy:attached:";
        assertEquals(
                List.of(
                        "group:" + A + "group/admins:member:iam_user:" + A + "user/staff/alice",
                        "group:" + A + "group/eng/devs:member:iam_user:" + A + "user/bob",
                        "group:" + A + "group/eng/devs:member:iam_user:" + A + "user/staff/alice",
                        team + "group:" + A + "group/eng/devs",
                        team + "iam_user:" + A + "user/staff/alice",
                        admin + "group:" + A + "group/admins",
                        admin + "role:" + A + "role/deploy",
                        "inline_policy:" + A + "group/eng/devs::inline::ec2:attached:group:" + A + "group/eng/devs",
                        "inline_policy:" + A + "role/deploy::inline::logs:attached:role:" + A + "role/deploy",
                        "inline_policy:" + A + "user/staff/alice::inline::s3-read:attached:iam_user:" + A
                                + "user/staff/alice",
                        "role:" + A + "role/ci:assignment:iam_user:" + A + "user/bob",
                        "role:" + A + "role/deploy:assignment:iam_user:" + A + "user/staff/alice",
                        "role:" + A + "role/deploy:assignment:role:" + A + "role/ci"),
                List.copyOf(graph.grants().keySet()));
        GrantExpandable chain = Annotations.find(
                        graph.grants()
                                .get("role:" + A + "role/deploy:assignment:role:" + A + "role/ci")
                                .getAnnotationsList(),
                        GrantExpandable.class)
                .orElseThrow();
        assertEquals(List.of("role:" + A + "role/ci:assignment"), chain.getEntitlementIdsList());
        assertFalse(chain.getShallow());
    }

    @Test
    void accessKeysAreLinkedByUserArnWithReportLastUse() {
        Resource key = graph.resource("access-key", "AKIAALICE00000000001");
        assertEquals("alice|AKIAALICE00000000001", key.getDisplayName());
        assertEquals("Active", Profiles.string(key.getProfile(), "aws_access_key_status"));
        SecretTrait trait =
                Annotations.find(key.getAnnotationsList(), SecretTrait.class).orElseThrow();
        assertEquals(A + "user/staff/alice", trait.getIdentityId().getResource());
        assertEquals(
                Instant.parse("2024-06-02T00:00:00Z").getEpochSecond(),
                trait.getLastUsedAt().getSeconds());
        assertEquals(
                "Inactive",
                Profiles.string(
                        graph.resource("access-key", "AKIAALICE00000000002").getProfile(), "aws_access_key_status"));
    }
}
