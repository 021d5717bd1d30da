package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.testing.SimulatorExtension;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.GetAccessKeyLastUsedResponse;
import software.amazon.awssdk.services.iam.model.GetGroupResponse;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Every IAM read the simulator serves, through the real SDK, against the small world (IAM page size 2). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IamContractTest {
    static final String MGMT = "111111111111";

    @RegisterExtension
    static final SimulatorExtension fixture = SimulatorExtension.ofResource(
                    SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
            .iamAndStsOnly();

    private IamClient iam;

    @BeforeAll
    void start() {
        iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
    }

    static String decode(String document) {
        return URLDecoder.decode(document, StandardCharsets.UTF_8);
    }

    @Test
    void servesEveryIamOperationOfTheSpec() {
        List<String> spec = new java.util.ArrayList<>(List.of(
                "ListUsers",
                "GetUser",
                "ListGroups",
                "GetGroup",
                "ListGroupsForUser",
                "ListRoles",
                "GetRole",
                "ListPolicies",
                "GetPolicy",
                "GetPolicyVersion",
                "ListAccessKeys",
                "GetAccessKeyLastUsed",
                "ListAccountAliases",
                "ListMFADevices",
                "ListSigningCertificates",
                "ListSSHPublicKeys",
                "ListServiceSpecificCredentials",
                "GetLoginProfile",
                "GetAccountAuthorizationDetails",
                "GenerateCredentialReport",
                "GetCredentialReport",
                "AddUserToGroup",
                "RemoveUserFromGroup",
                "CreateUser",
                "TagUser",
                "DeleteUser",
                "DeleteLoginProfile",
                "DeleteAccessKey",
                "DeleteSigningCertificate",
                "DeleteSSHPublicKey",
                "DeleteServiceSpecificCredential",
                "DeactivateMFADevice"));
        for (String kind : List.of("User", "Group", "Role")) {
            spec.addAll(List.of(
                    "ListAttached" + kind + "Policies",
                    "List" + kind + "Policies",
                    "Get" + kind + "Policy",
                    "Delete" + kind + "Policy",
                    "Attach" + kind + "Policy",
                    "Detach" + kind + "Policy"));
        }
        assertEquals(
                new java.util.TreeSet<>(spec),
                new java.util.TreeSet<>(
                        new IamService(fixture.server().state()).actions().keySet()));
    }

    @Test
    void listUsersPagesByTheWorldsPageSizeToTheLastPage() {
        List<ListUsersResponse> pages = iam.listUsersPaginator(b -> {}).stream().toList();
        assertEquals(2, pages.size());
        assertTrue(pages.get(0).isTruncated());
        assertFalse(pages.get(1).isTruncated());
        List<User> users = pages.stream().flatMap(page -> page.users().stream()).toList();
        assertEquals(
                List.of("connector", "alice", "bob"),
                users.stream().map(User::userName).toList());
        User alice = users.get(1);
        assertEquals("/staff/", alice.path());
        assertEquals("arn:aws:iam::111111111111:user/staff/alice", alice.arn());
        assertTrue(alice.userId().startsWith("AIDA"));
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), alice.createDate());
        assertEquals(Instant.parse("2024-05-01T08:00:00Z"), alice.passwordLastUsed());
        assertNull(users.get(0).passwordLastUsed());
    }

    @Test
    void maxItemsIsHonouredAndPathPrefixFilters() {
        ListUsersResponse first = iam.listUsers(b -> b.maxItems(1));
        assertEquals(1, first.users().size());
        assertTrue(first.isTruncated());
        ListUsersResponse second = iam.listUsers(b -> b.maxItems(1000).marker(first.marker()));
        assertEquals(
                List.of("alice", "bob"),
                second.users().stream().map(User::userName).toList());
        assertEquals(
                List.of("alice"),
                iam.listUsers(b -> b.pathPrefix("/staff/")).users().stream()
                        .map(User::userName)
                        .toList());
    }

    @Test
    void getUserReturnsTagsAndDefaultsToTheCaller() {
        User alice = iam.getUser(b -> b.userName("alice")).user();
        assertEquals("alice@example.com", alice.tags().get(0).value());
        assertEquals("email", alice.tags().get(0).key());
        assertEquals("connector", iam.getUser().user().userName());
        NoSuchEntityException missing =
                assertThrows(NoSuchEntityException.class, () -> iam.getUser(b -> b.userName("nobody")));
        assertEquals(404, missing.statusCode());
        assertEquals("NoSuchEntity", missing.awsErrorDetails().errorCode());
    }

    @Test
    void groupsListWithMembersAndPerUser() {
        List<Group> groups = iam.listGroupsPaginator(b -> {}).groups().stream().toList();
        assertEquals(
                List.of("admins", "devs"), groups.stream().map(Group::groupName).toList());
        assertEquals("arn:aws:iam::111111111111:group/eng/devs", groups.get(1).arn());
        assertTrue(groups.get(1).groupId().startsWith("AGPA"));
        List<GetGroupResponse> pages = iam
                .getGroupPaginator(b -> b.groupName("devs").maxItems(1))
                .stream()
                .toList();
        assertEquals(2, pages.size());
        assertEquals("devs", pages.get(0).group().groupName());
        assertEquals(
                List.of("alice", "bob"),
                pages.stream()
                        .flatMap(p -> p.users().stream())
                        .map(User::userName)
                        .toList());
        assertEquals(
                List.of("admins", "devs"),
                iam.listGroupsForUser(b -> b.userName("alice")).groups().stream()
                        .map(Group::groupName)
                        .toList());
    }

    @Test
    void rolesCarryTheirUrlEncodedTrustPolicyAndLastUse() {
        List<Role> roles = iam.listRoles().roles();
        assertEquals(1, roles.size());
        Role listed = roles.get(0);
        assertEquals("BatonConnector", listed.roleName());
        assertTrue(listed.assumeRolePolicyDocument().startsWith("%7B"));
        assertTrue(decode(listed.assumeRolePolicyDocument()).contains("\"sts:ExternalId\":\"ext-123\""));
        assertEquals(3600, listed.maxSessionDuration());
        Role role = iam.getRole(b -> b.roleName("BatonConnector")).role();
        assertEquals("sync role", role.description());
        assertEquals(Instant.parse("2024-06-01T00:00:00Z"), role.roleLastUsed().lastUsedDate());
        assertEquals("us-east-1", role.roleLastUsed().region());
        assertTrue(role.roleId().startsWith("AROA"));
        assertThrows(NoSuchEntityException.class, () -> iam.getRole(b -> b.roleName("Missing")));
    }

    @Test
    void managedPoliciesByScopeWithDocuments() {
        List<Policy> local = iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.LOCAL)).policies().stream()
                .toList();
        assertEquals(
                List.of("arn:aws:iam::111111111111:policy/TeamPolicy"),
                local.stream().map(Policy::arn).toList());
        assertEquals(1, local.get(0).attachmentCount());
        List<Policy> aws = iam.listPoliciesPaginator(b -> b.scope(PolicyScopeType.AWS)).policies().stream()
                .toList();
        assertEquals(
                List.of("AdministratorAccess", "ReadOnlyAccess"),
                aws.stream().map(Policy::policyName).toList());
        assertEquals(
                3,
                iam.listPoliciesPaginator(b -> b.onlyAttached(true)).policies().stream()
                        .count());
        Policy team = iam.getPolicy(b -> b.policyArn("arn:aws:iam::111111111111:policy/TeamPolicy"))
                .policy();
        assertEquals("v1", team.defaultVersionId());
        assertEquals("team", team.description());
        var version = iam.getPolicyVersion(b -> b.policyArn(team.arn()).versionId("v1"))
                .policyVersion();
        assertTrue(version.isDefaultVersion());
        assertTrue(decode(version.document()).contains("ec2:Describe*"));
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.getPolicyVersion(b -> b.policyArn(team.arn()).versionId("v9")));
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.getPolicy(b -> b.policyArn("arn:aws:iam::111111111111:policy/Nope")));
    }

    @Test
    void inlineAndAttachedPoliciesOfUsersGroupsAndRoles() {
        assertEquals(
                List.of("s3-read"),
                iam.listUserPolicies(b -> b.userName("alice")).policyNames());
        String document = iam.getUserPolicy(b -> b.userName("alice").policyName("s3-read"))
                .policyDocument();
        assertTrue(decode(document).contains("s3:Get*"));
        assertEquals(
                List.of("ec2"), iam.listGroupPolicies(b -> b.groupName("devs")).policyNames());
        assertTrue(decode(iam.getGroupPolicy(b -> b.groupName("devs").policyName("ec2"))
                        .policyDocument())
                .contains("2012-10-17"));
        assertEquals(
                List.of(),
                iam.listRolePolicies(b -> b.roleName("BatonConnector")).policyNames());
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.getRolePolicy(b -> b.roleName("BatonConnector").policyName("none")));
        assertEquals(
                List.of("ReadOnlyAccess", "TeamPolicy"),
                iam.listAttachedUserPolicies(b -> b.userName("alice")).attachedPolicies().stream()
                        .map(AttachedPolicy::policyName)
                        .toList());
        assertEquals(
                List.of("arn:aws:iam::aws:policy/AdministratorAccess"),
                iam.listAttachedGroupPolicies(b -> b.groupName("admins")).attachedPolicies().stream()
                        .map(AttachedPolicy::policyArn)
                        .toList());
        assertEquals(
                1,
                iam.listAttachedRolePolicies(b -> b.roleName("BatonConnector"))
                        .attachedPolicies()
                        .size());
    }

    @Test
    void credentialsOfAUser() {
        List<AccessKeyMetadata> keys =
                iam.listAccessKeys(b -> b.userName("alice")).accessKeyMetadata();
        assertEquals(
                List.of("AKIAALICE00000000001", "AKIAALICE00000000002"),
                keys.stream().map(AccessKeyMetadata::accessKeyId).toList());
        assertEquals("Inactive", keys.get(1).statusAsString());
        GetAccessKeyLastUsedResponse used = iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAALICE00000000001"));
        assertEquals("alice", used.userName());
        assertEquals("s3", used.accessKeyLastUsed().serviceName());
        assertEquals("eu-west-1", used.accessKeyLastUsed().region());
        assertEquals(
                Instant.parse("2024-05-02T00:00:00Z"), used.accessKeyLastUsed().lastUsedDate());
        var never = iam.getAccessKeyLastUsed(b -> b.accessKeyId("AKIAALICE00000000002"))
                .accessKeyLastUsed();
        assertEquals("N/A", never.serviceName());
        assertNull(never.lastUsedDate());
        assertEquals(
                "arn:aws:iam::111111111111:mfa/alice",
                iam.listMFADevices(b -> b.userName("alice")).mfaDevices().get(0).serialNumber());
        assertEquals(
                "CERTALICE1",
                iam.listSigningCertificates(b -> b.userName("alice"))
                        .certificates()
                        .get(0)
                        .certificateId());
        assertEquals(
                "APKAALICE1",
                iam.listSSHPublicKeys(b -> b.userName("alice"))
                        .sshPublicKeys()
                        .get(0)
                        .sshPublicKeyId());
        var service = iam.listServiceSpecificCredentials(b -> b.userName("alice"))
                .serviceSpecificCredentials()
                .get(0);
        assertEquals("alice-at-1", service.serviceUserName());
        assertEquals("codecommit.amazonaws.com", service.serviceName());
        assertFalse(iam.getLoginProfile(b -> b.userName("alice")).loginProfile().passwordResetRequired());
        assertThrows(NoSuchEntityException.class, () -> iam.getLoginProfile(b -> b.userName("bob")));
        assertEquals(List.of(), iam.listAccountAliases().accountAliases());
    }

    @Test
    void callsRunInTheCallersAccount() {
        var sts = fixture.sts(software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                "AKIACONNECTOR0000001", "connector-secret"));
        Credentials credentials = sts.assumeRole(
                        b -> b.roleArn("arn:aws:iam::222222222222:role/OrganizationAccountAccessRole")
                                .roleSessionName("sync"))
                .credentials();
        IamClient prod = fixture.iam(SimulatorExtension.session(credentials));
        assertEquals(List.of("prod-alias"), prod.listAccountAliases().accountAliases());
        assertEquals(
                List.of("OrganizationAccountAccessRole"),
                prod.listRoles().roles().stream().map(Role::roleName).toList());
        assertEquals(List.of(), prod.listUsers().users());
    }

    @Test
    void denyListAndUnknownKeysAreRefused() {
        IamClient bob = fixture.iam("AKIABOB0000000000001", "bob-secret");
        IamException denied = assertThrows(IamException.class, () -> bob.getAccountAuthorizationDetails());
        assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
        assertEquals(403, denied.statusCode());
        assertThrows(IamException.class, () -> bob.generateCredentialReport());
        assertEquals(3, bob.listUsersPaginator(b -> {}).users().stream().count());
        IamException unknown = assertThrows(
                IamException.class,
                () -> fixture.iam("AKIAUNKNOWN000000000", "x").listUsers());
        assertEquals("InvalidClientTokenId", unknown.awsErrorDetails().errorCode());
        assertEquals(403, unknown.statusCode());
    }
}
