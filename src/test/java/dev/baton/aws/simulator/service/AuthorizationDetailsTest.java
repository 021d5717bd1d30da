package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.IamContractTest.decode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.testing.SimulatorExtension;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/** GetAccountAuthorizationDetails and the credential report, read back field by field. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationDetailsTest {
    @RegisterExtension
    static final SimulatorExtension fixture = SimulatorExtension.ofResource(
                    SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
            .iamAndStsOnly();

    private IamClient iam;

    @BeforeAll
    void start() {
        iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
    }

    @Test
    void gaadPagesOverUsersGroupsRolesAndPolicies() {
        List<GetAccountAuthorizationDetailsResponse> pages =
                iam.getAccountAuthorizationDetailsPaginator(b -> {}).stream().toList();
        // 3 users + 2 groups + 1 role + 1 local + 2 attached AWS-managed policies, 2 per page
        assertEquals(5, pages.size());
        List<UserDetail> users =
                pages.stream().flatMap(p -> p.userDetailList().stream()).toList();
        UserDetail alice = users.get(1);
        assertEquals("alice", alice.userName());
        assertEquals(List.of("admins", "devs"), alice.groupList());
        assertEquals("s3-read", alice.userPolicyList().get(0).policyName());
        assertTrue(decode(alice.userPolicyList().get(0).policyDocument()).contains("s3:Get*"));
        assertEquals(2, alice.attachedManagedPolicies().size());
        assertEquals("email", alice.tags().get(0).key());
        assertEquals(
                List.of("admins", "devs"),
                pages.stream()
                        .flatMap(p -> p.groupDetailList().stream())
                        .map(g -> g.groupName())
                        .toList());
        assertEquals(
                "ec2",
                pages.stream()
                        .flatMap(p -> p.groupDetailList().stream())
                        .toList()
                        .get(1)
                        .groupPolicyList()
                        .get(0)
                        .policyName());
        RoleDetail role = pages.stream()
                .flatMap(p -> p.roleDetailList().stream())
                .findFirst()
                .orElseThrow();
        assertTrue(decode(role.assumeRolePolicyDocument()).contains("arn:aws:iam::111111111111:user/connector"));
        assertEquals("us-east-1", role.roleLastUsed().region());
        assertEquals(List.of(), role.instanceProfileList());
        assertEquals(List.of(), role.rolePolicyList());
        List<ManagedPolicyDetail> policies =
                pages.stream().flatMap(p -> p.policies().stream()).toList();
        assertEquals(
                List.of("TeamPolicy", "AdministratorAccess", "ReadOnlyAccess"),
                policies.stream().map(ManagedPolicyDetail::policyName).toList());
        var version = policies.get(0).policyVersionList().get(0);
        assertTrue(version.isDefaultVersion());
        assertEquals("v1", version.versionId());
        assertTrue(decode(version.document()).contains("ec2:Describe*"));
    }

    @Test
    void gaadFiltersByEntityType() {
        GetAccountAuthorizationDetailsResponse local = iam.getAccountAuthorizationDetails(
                b -> b.filter(EntityType.LOCAL_MANAGED_POLICY).maxItems(100));
        assertEquals(
                List.of("TeamPolicy"),
                local.policies().stream().map(ManagedPolicyDetail::policyName).toList());
        assertEquals(List.of(), local.userDetailList());
        assertFalse(local.isTruncated());
        GetAccountAuthorizationDetailsResponse aws = iam.getAccountAuthorizationDetails(
                b -> b.filter(EntityType.AWS_MANAGED_POLICY, EntityType.ROLE).maxItems(100));
        assertEquals(
                List.of("arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"),
                aws.policies().stream().map(ManagedPolicyDetail::arn).toList());
        assertEquals(1, aws.roleDetailList().size());
    }

    @Test
    void credentialReportHasTheAwsColumnsWithTheRootRowFirst() {
        IamException missing = assertThrows(IamException.class, () -> iam.getCredentialReport());
        assertEquals("ReportNotPresent", missing.awsErrorDetails().errorCode());
        assertEquals(410, missing.statusCode());
        assertEquals("STARTED", iam.generateCredentialReport().stateAsString());
        assertEquals("COMPLETE", iam.generateCredentialReport().stateAsString());
        GetCredentialReportResponse report = iam.getCredentialReport();
        assertEquals("text/csv", report.reportFormatAsString());
        assertEquals(fixture.manualClock().instant(), report.generatedTime());
        List<String> lines =
                List.of(report.content().asString(StandardCharsets.UTF_8).split("\n"));
        assertEquals(CredentialReportActions.HEADER, lines.get(0));
        assertEquals(22, lines.get(0).split(",").length);
        assertTrue(lines.get(1).startsWith("<root_account>,arn:aws:iam::111111111111:root,"));
        assertEquals(4 + 1, lines.size());
        String[] alice = lines.get(3).split(",", -1);
        assertEquals(22, alice.length);
        assertEquals("alice", alice[0]);
        assertEquals("true", alice[3]);
        assertEquals("2024-05-01T08:00:00+00:00", alice[4]);
        assertEquals("true", alice[7]);
        assertEquals(
                List.of("true", "2024-01-02T00:00:00+00:00", "2024-05-02T00:00:00+00:00", "eu-west-1", "s3"),
                List.of(alice).subList(8, 13));
        assertEquals(
                List.of("false", "2024-01-01T00:00:00+00:00", "N/A", "N/A", "N/A"),
                List.of(alice).subList(13, 18));
        assertEquals("true", alice[18]);
        String[] bob = lines.get(4).split(",", -1);
        assertEquals(List.of("false", "N/A", "N/A", "false"), List.of(bob[3], bob[4], bob[5], bob[7]));
    }

    @Test
    void credentialReportIsGeneratedAtMostOnceEveryFourHoursAsInAws() {
        try (SimulatorExtension own = SimulatorExtension.ofResource(
                        SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
                .iamAndStsOnly()
                .start()) {
            IamClient client = own.iam("AKIACONNECTOR0000001", "connector-secret");
            assertEquals("STARTED", client.generateCredentialReport().stateAsString());
            GetCredentialReportResponse first = client.getCredentialReport();
            client.createUser(b -> b.userName("newbie"));

            own.manualClock().advance(Duration.ofHours(4).minusSeconds(1));
            assertEquals("COMPLETE", client.generateCredentialReport().stateAsString());
            GetCredentialReportResponse kept = client.getCredentialReport();
            assertEquals(first.generatedTime(), kept.generatedTime());
            assertEquals(first.content(), kept.content(), "a user created since is not in the kept report");
            assertFalse(kept.content().asUtf8String().contains("newbie"));

            own.manualClock().advance(Duration.ofSeconds(1));
            assertEquals("STARTED", client.generateCredentialReport().stateAsString());
            GetCredentialReportResponse fresh = client.getCredentialReport();
            assertEquals(SimulatorExtension.START.plus(Duration.ofHours(4)), fresh.generatedTime());
            assertTrue(fresh.content().asUtf8String().contains(",arn:aws:iam::111111111111:user/newbie,"));
        }
    }
}
