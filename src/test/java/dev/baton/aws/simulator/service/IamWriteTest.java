package dev.baton.aws.simulator.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.simulator.world.World;
import dev.baton.aws.simulator.world.WorldLoader;
import dev.baton.aws.testing.SimulatorExtension;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.Group;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** IAM writes through the real SDK; each test gets a fresh small world. */
class IamWriteTest {
    @RegisterExtension
    final SimulatorExtension fixture = SimulatorExtension.ofResource(
                    SimulatorExtension.SIMULATOR_WORLDS + "small-world.json")
            .iamAndStsOnly();

    private IamClient iam;

    @BeforeEach
    void start() {
        iam = fixture.iam("AKIACONNECTOR0000001", "connector-secret");
    }

    @Test
    void createUserWithTagsThenTagMoreAndRefuseADuplicate() {
        User created = iam.createUser(b -> b.userName("erin")
                        .path("/new/")
                        .tags(Tag.builder().key("team").value("a").build()))
                .user();
        assertEquals("arn:aws:iam::111111111111:user/new/erin", created.arn());
        assertEquals(fixture.manualClock().instant(), created.createDate());
        iam.tagUser(b -> b.userName("erin")
                .tags(
                        Tag.builder().key("team").value("b").build(),
                        Tag.builder().key("email").value("erin@example.com").build()));
        List<Tag> tags = iam.getUser(b -> b.userName("erin")).user().tags();
        assertEquals(
                List.of("team=b", "email=erin@example.com"),
                tags.stream().map(t -> t.key() + "=" + t.value()).toList());
        EntityAlreadyExistsException duplicate =
                assertThrows(EntityAlreadyExistsException.class, () -> iam.createUser(b -> b.userName("erin")));
        assertEquals(409, duplicate.statusCode());
    }

    @Test
    void groupMembershipAddIsIdempotentAndRemovingANonMemberFails() {
        iam.addUserToGroup(b -> b.groupName("admins").userName("bob"));
        iam.addUserToGroup(b -> b.groupName("admins").userName("bob"));
        assertEquals(
                List.of("devs", "admins"),
                iam.listGroupsForUser(b -> b.userName("bob")).groups().stream()
                        .map(Group::groupName)
                        .toList());
        iam.removeUserFromGroup(b -> b.groupName("devs").userName("bob"));
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.removeUserFromGroup(b -> b.groupName("devs").userName("bob")));
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.addUserToGroup(b -> b.groupName("nope").userName("bob")));
    }

    @Test
    void attachAndDetachPoliciesOnUsersGroupsAndRoles() {
        String admin = "arn:aws:iam::aws:policy/AdministratorAccess";
        iam.attachUserPolicy(b -> b.userName("bob").policyArn(admin));
        iam.attachGroupPolicy(b -> b.groupName("devs").policyArn(admin));
        iam.attachRolePolicy(b -> b.roleName("BatonConnector").policyArn(admin));
        assertEquals(
                List.of(admin),
                arns(iam.listAttachedUserPolicies(b -> b.userName("bob")).attachedPolicies()));
        assertEquals(3 + 1, iam.getPolicy(b -> b.policyArn(admin)).policy().attachmentCount());
        iam.detachRolePolicy(b -> b.roleName("BatonConnector").policyArn(admin));
        iam.detachGroupPolicy(b -> b.groupName("devs").policyArn(admin));
        iam.detachUserPolicy(b -> b.userName("bob").policyArn(admin));
        assertEquals(
                List.of(),
                arns(iam.listAttachedUserPolicies(b -> b.userName("bob")).attachedPolicies()));
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.detachUserPolicy(b -> b.userName("bob").policyArn(admin)));
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.attachUserPolicy(
                        b -> b.userName("bob").policyArn("arn:aws:iam::111111111111:policy/Missing")));
        iam.deleteGroupPolicy(b -> b.groupName("devs").policyName("ec2"));
        assertEquals(List.of(), iam.listGroupPolicies(b -> b.groupName("devs")).policyNames());
        assertThrows(
                NoSuchEntityException.class,
                () -> iam.deleteRolePolicy(b -> b.roleName("BatonConnector").policyName("x")));
    }

    private static List<String> arns(List<AttachedPolicy> policies) {
        return policies.stream().map(AttachedPolicy::policyArn).toList();
    }

    @Test
    void deleteUserConflictsUntilEverythingAttachedIsRemoved() {
        List<Consumer<IamClient>> cleanups = List.of(
                c -> c.deleteLoginProfile(b -> b.userName("alice")),
                c -> c.deleteAccessKey(b -> b.userName("alice").accessKeyId("AKIAALICE00000000001")),
                c -> c.deleteAccessKey(b -> b.userName("alice").accessKeyId("AKIAALICE00000000002")),
                c -> c.deleteSigningCertificate(b -> b.userName("alice").certificateId("CERTALICE1")),
                c -> c.deleteSSHPublicKey(b -> b.userName("alice").sshPublicKeyId("APKAALICE1")),
                c -> c.deleteServiceSpecificCredential(
                        b -> b.userName("alice").serviceSpecificCredentialId("ACCAALICE1")),
                c -> c.deactivateMFADevice(
                        b -> b.userName("alice").serialNumber("arn:aws:iam::111111111111:mfa/alice")),
                c -> c.deleteUserPolicy(b -> b.userName("alice").policyName("s3-read")),
                c -> c.detachUserPolicy(b -> b.userName("alice").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess")),
                c -> c.detachUserPolicy(
                        b -> b.userName("alice").policyArn("arn:aws:iam::111111111111:policy/TeamPolicy")),
                c -> c.removeUserFromGroup(b -> b.userName("alice").groupName("admins")),
                c -> c.removeUserFromGroup(b -> b.userName("alice").groupName("devs")));
        for (Consumer<IamClient> cleanup : cleanups) {
            DeleteConflictException conflict =
                    assertThrows(DeleteConflictException.class, () -> iam.deleteUser(b -> b.userName("alice")));
            assertEquals(409, conflict.statusCode());
            assertTrue(conflict.awsErrorDetails().errorMessage().startsWith("Cannot delete entity, must "));
            cleanup.accept(iam);
        }
        iam.deleteUser(b -> b.userName("alice"));
        assertThrows(NoSuchEntityException.class, () -> iam.getUser(b -> b.userName("alice")));
        assertThrows(NoSuchEntityException.class, () -> iam.deleteLoginProfile(b -> b.userName("bob")));
    }

    @Test
    void deletingTheCallersOwnKeyRevokesIt() {
        iam.deleteAccessKey(b -> b.accessKeyId("AKIACONNECTOR0000001"));
        IamException revoked = assertThrows(IamException.class, () -> iam.listUsers());
        assertEquals("InvalidClientTokenId", revoked.awsErrorDetails().errorCode());
    }

    @Test
    void worldEndpointServesTheWrittenWorldAndLoadsBackEqual() {
        iam.createUser(b -> b.userName("frank"));
        iam.addUserToGroup(b -> b.groupName("devs").userName("frank"));
        HttpResponse<String> response = fixture.control("GET", "/_simulator/world");
        assertEquals(200, response.statusCode());
        World served = new WorldLoader().load(response.body());
        assertEquals(fixture.server().state().world(), served);
        assertEquals(
                List.of("devs"),
                served.account("111111111111")
                        .orElseThrow()
                        .iam()
                        .user("frank")
                        .orElseThrow()
                        .groups());
        assertFalse(served.account("111111111111")
                .orElseThrow()
                .iam()
                .user("frank")
                .orElseThrow()
                .loginProfile());
    }
}
