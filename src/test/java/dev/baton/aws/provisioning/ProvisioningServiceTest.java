package dev.baton.aws.provisioning;

import static dev.baton.aws.provisioning.SyncFileFixture.ADMINS_MEMBER;
import static dev.baton.aws.provisioning.SyncFileFixture.ALICE;
import static dev.baton.aws.provisioning.SyncFileFixture.BINDING_ASSIGNED;
import static dev.baton.aws.provisioning.SyncFileFixture.BOB;
import static dev.baton.aws.provisioning.SyncFileFixture.CAROL;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Any;
import com.google.protobuf.Struct;
import dev.baton.aws.config.ProvisioningRequest;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.RequestId;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceDoesNotExist;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.ScopeBindingTrait;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.spi.AccountCreator;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.ResourceDeleter;
import dev.baton.aws.spi.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot resolution and dispatch, with recording provisioners instead of AWS. */
class ProvisioningServiceTest {
    @TempDir
    static Path dir;

    private static Path syncFile;
    private final RecordingProvisioner groups = new RecordingProvisioner(ResourceTypes.GROUP_ID);
    private final RecordingProvisioner bindings = new RecordingProvisioner(ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID);
    private final RecordingAccounts accounts = new RecordingAccounts();
    private ProvisioningService service;

    /** Written once: the service never modifies it (a test below checks that). */
    @BeforeAll
    static void writeSyncFile() throws Exception {
        syncFile = SyncFileFixture.write(dir);
    }

    @BeforeEach
    void createService() {
        service = new ProvisioningService(List.of(groups, bindings, accounts));
    }

    @Test
    void grantPassesTheStoredEntitlementResourceAndPrincipal() throws Exception {
        groups.result = new ProvisionResult(
                List.of(grantOf(ADMINS_MEMBER, ResourceTypes.IAM_USER_ID, BOB)),
                List.of(),
                List.of(Any.pack(RequestId.newBuilder().setRequestId("req-1").build())));

        Outcome outcome = service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", BOB));

        assertEquals("granted", outcome.outcome());
        assertEquals(List.of(ADMINS_MEMBER + ":iam_user:" + BOB), outcome.grantIds());
        assertEquals(List.of("req-1"), outcome.requestIds());
        Entitlement passed = groups.grantedEntitlements.get(0);
        assertEquals("admins", passed.getResource().getDisplayName(), "entitlement resource is hydrated");
        assertTrue(Annotations.has(
                passed.getResource().getAnnotationsList(), dev.baton.aws.proto.c1.connector.v2.GroupTrait.class));
        Resource principal = groups.grantedPrincipals.get(0);
        assertEquals("bob", principal.getDisplayName());
        assertTrue(Annotations.has(principal.getAnnotationsList(), UserTrait.class), "principal is the stored one");
    }

    @Test
    void grantThatAlreadyExistedSaysSo() throws Exception {
        groups.result = ProvisionResult.ofAnnotations(List.of(Any.pack(GrantAlreadyExists.getDefaultInstance())));

        Outcome outcome = service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", ALICE));

        assertEquals("already-exists", outcome.outcome());
        assertTrue(outcome.unchanged());
        assertTrue(outcome.message().contains("already has"), outcome.message());
    }

    @Test
    void grantToAPrincipalTypeTheEntitlementDoesNotAcceptIsUsage() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "sso_user", CAROL)));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertEquals("entitlement '" + ADMINS_MEMBER + "' can be granted to iam_user, not to sso_user", e.getMessage());
        assertTrue(groups.grantedPrincipals.isEmpty());
    }

    @Test
    void unknownEntitlementSuggestsTheClosestId() {
        String typo = ADMINS_MEMBER.replace(":member", ":membr");

        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.grant(syncFile, typo, "iam_user", BOB)));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().startsWith("entitlement '" + typo + "' is not in "), e.getMessage());
        assertTrue(e.getMessage().endsWith("; did you mean '" + ADMINS_MEMBER + "'?"), e.getMessage());
    }

    @Test
    void unknownPrincipalSuggestsTheClosestIdOfItsType() {
        String typo = ALICE.replace("alice", "alicee");

        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", typo)));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("principal iam_user:" + typo + " is not in"), e.getMessage());
        assertTrue(e.getMessage().endsWith("did you mean '" + ALICE + "'?"), e.getMessage());
    }

    @Test
    void unknownPrincipalTypeSuggestsATypeName() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_usr", ALICE)));

        assertTrue(
                e.getMessage().endsWith("no resources of type 'iam_usr' (did you mean type 'iam_user'?)"),
                e.getMessage());
    }

    @Test
    void revokeHydratesTheStoredGrant() throws Exception {
        groups.result = ProvisionResult.ofAnnotations(List.of());
        String grantId = SyncFileFixture.grantId(ADMINS_MEMBER, "iam_user", ALICE);

        Outcome outcome = service.run(ProvisioningRequest.revoke(syncFile, grantId));

        assertEquals("revoked", outcome.outcome());
        assertEquals(List.of(grantId), outcome.grantIds());
        Grant passed = groups.revokedGrants.get(0);
        assertEquals(grantId, passed.getId());
        assertEquals("admins", passed.getEntitlement().getResource().getDisplayName());
        assertEquals(
                ResourceTypes.IAM_USER.getId(),
                passed.getEntitlement().getGrantableTo(0).getId());
        assertEquals("alice", passed.getPrincipal().getDisplayName());
    }

    @Test
    void revokeOfABindingGrantCarriesTheScopeBindingTrait() throws Exception {
        bindings.result = ProvisionResult.ofAnnotations(List.of(Any.pack(GrantAlreadyRevoked.getDefaultInstance())));
        String grantId = Ids.assignmentGrantId("sso_group", SyncFileFixture.ENGINEERS, BINDING_ASSIGNED);

        Outcome outcome = service.run(ProvisioningRequest.revoke(syncFile, grantId));

        assertEquals("already-revoked", outcome.outcome());
        Resource binding = bindings.revokedGrants.get(0).getEntitlement().getResource();
        ScopeBindingTrait trait = Annotations.find(binding.getAnnotationsList(), ScopeBindingTrait.class)
                .orElseThrow();
        assertEquals(SyncFileFixture.MEMBER, trait.getScopeResourceId().getResource());
    }

    @Test
    void unknownGrantSuggestsAGrantOfTheSameEntitlement() {
        String typo = SyncFileFixture.grantId(ADMINS_MEMBER, "iam_user", ALICE.replace("alice", "alise"));

        ProvisioningException e = assertThrows(
                ProvisioningException.class, () -> service.run(ProvisioningRequest.revoke(syncFile, typo)));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertTrue(
                e.getMessage().endsWith("did you mean '" + ADMINS_MEMBER + ":iam_user:" + ALICE + "'?"),
                e.getMessage());
    }

    @Test
    void anEntitlementIdGivenAsGrantIdIsExplained() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class, () -> service.run(ProvisioningRequest.revoke(syncFile, ADMINS_MEMBER)));

        assertTrue(e.getMessage().endsWith("that is an entitlement id, and revoke takes a grant id"), e.getMessage());
    }

    @Test
    void missingSyncFileIsUsage() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.grant(dir.resolve("nope.c1z"), ADMINS_MEMBER, "iam_user", BOB)));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("nope.c1z does not exist"), e.getMessage());
    }

    @Test
    void aFileThatIsNotAC1zIsUsage() throws Exception {
        Path bogus = Files.writeString(dir.resolve("bogus.c1z"), "{\"not\": \"a c1z\"}");

        ProvisioningException e =
                assertThrows(ProvisioningException.class, () -> service.run(ProvisioningRequest.revoke(bogus, "x")));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertTrue(e.getMessage().contains("is not a readable c1z"), e.getMessage());
    }

    @Test
    void theSyncFileIsNeverModified() throws Exception {
        byte[] before = Files.readAllBytes(syncFile);
        groups.result = ProvisionResult.ofAnnotations(List.of());

        service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", BOB));
        service.run(ProvisioningRequest.revoke(syncFile, SyncFileFixture.grantId(ADMINS_MEMBER, "iam_user", ALICE)));

        assertArrayEquals(before, Files.readAllBytes(syncFile));
    }

    @Test
    void typesWithoutTheCapabilityAreUsage() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(
                        ProvisioningRequest.grant(syncFile, SyncFileFixture.READ_ONLY_ATTACHED, "iam_user", BOB)));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
        assertEquals(
                "resource type 'iam_policy' does not support grant in this configuration; types that do: "
                        + "group, permission_set_assignment",
                e.getMessage());
    }

    @Test
    void providerFailureIsFailedWithItsMessage() {
        groups.failure = new SyncException("baton-aws: error adding iam user to iam group: boom");

        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.grant(syncFile, ADMINS_MEMBER, "iam_user", BOB)));

        assertEquals(ProvisioningException.Kind.FAILED, e.kind());
        assertEquals("baton-aws: error adding iam user to iam group: boom", e.getMessage());
    }

    @Test
    void createAccountMergesLoginAndEmailIntoTheProfile() throws Exception {
        Outcome outcome = service.run(ProvisioningRequest.createAccount(
                "jdoe", "jdoe@example.com", "{\"username\":\"jane\",\"email\":\"other@example.com\"}", ""));

        assertEquals("created", outcome.outcome());
        assertEquals(List.of("arn:aws:iam::111111111111:user/jane"), outcome.resourceIds());
        assertEquals("jane", Profiles.string(accounts.profile, "username"));
        assertEquals("jdoe", Profiles.string(accounts.profile, "login"));
        assertEquals("other@example.com", Profiles.string(accounts.profile, "email"), "profile value wins");
    }

    @Test
    void createAccountOfAnExistingUserIsAlreadyExists() throws Exception {
        accounts.existed = true;

        Outcome outcome = service.run(ProvisioningRequest.createAccount("jane", "jane@example.com", "", "iam_user"));

        assertEquals("already-exists", outcome.outcome());
    }

    @Test
    void createAccountWithBrokenProfileJsonIsUsage() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.createAccount("j", "j@example.com", "{nope", "")));

        assertEquals(ProvisioningException.Kind.USAGE, e.kind());
    }

    @Test
    void createAccountOfATypeWithoutCreatorIsUsage() {
        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.createAccount("j", "j@example.com", "", "sso_user")));

        assertEquals(
                "resource type 'sso_user' does not support account creation in this configuration; types "
                        + "that do: iam_user",
                e.getMessage());
    }

    @Test
    void deleteReportsDeletedThenDoesNotExist() throws Exception {
        Outcome first = service.run(ProvisioningRequest.deleteResource("iam_user", BOB));
        Outcome second = service.run(ProvisioningRequest.deleteResource("iam_user", BOB));

        assertEquals("deleted", first.outcome());
        assertEquals("does-not-exist", second.outcome());
        assertEquals(List.of(BOB), second.resourceIds());
    }

    @Test
    void outcomeJsonHasStableFieldOrder() {
        Outcome outcome = new Outcome("grant", "granted", List.of("g"), List.of(), List.of("r"), "granted x");

        assertEquals(
                "{\"action\":\"grant\",\"outcome\":\"granted\",\"grantIds\":[\"g\"],\"resourceIds\":[],"
                        + "\"requestIds\":[\"r\"],\"message\":\"granted x\"}",
                outcome.toJson());
        assertFalse(outcome.unchanged());
    }

    @Test
    void twoProvisionersForOneTypeAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ProvisioningService(List.of(groups, new RecordingProvisioner(ResourceTypes.GROUP_ID))));
    }

    private static Grant grantOf(String entitlementId, String principalType, String principalId) {
        Entitlement entitlement = SyncFileFixture.entitlement(entitlementId);
        return Grants.grant(entitlement, Ids.resourceId(principalType, principalId), List.of());
    }

    /** Records what it was asked and answers with a preset result. */
    private static final class RecordingProvisioner implements GrantProvisioner {
        private final String type;
        final List<Resource> grantedPrincipals = new ArrayList<>();
        final List<Entitlement> grantedEntitlements = new ArrayList<>();
        final List<Grant> revokedGrants = new ArrayList<>();
        ProvisionResult result = ProvisionResult.ofAnnotations(List.of());
        SyncException failure;

        RecordingProvisioner(String type) {
            this.type = type;
        }

        @Override
        public String resourceTypeId() {
            return type;
        }

        @Override
        public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
            grantedPrincipals.add(principal);
            grantedEntitlements.add(entitlement);
            if (failure != null) {
                throw failure;
            }
            return result;
        }

        @Override
        public ProvisionResult revoke(Grant grant) throws SyncException {
            revokedGrants.add(grant);
            return result;
        }
    }

    /** An IAM-user-like account type that remembers what it created and deleted. */
    private static final class RecordingAccounts implements AccountCreator, ResourceDeleter {
        Struct profile;
        boolean existed;
        private final List<ResourceId> deleted = new ArrayList<>();

        @Override
        public String resourceTypeId() {
            return ResourceTypes.IAM_USER_ID;
        }

        @Override
        public ProvisionResult createAccount(String login, String email, Struct profile) {
            this.profile = profile;
            Resource user = Resource.newBuilder()
                    .setId(Ids.resourceId(
                            ResourceTypes.IAM_USER_ID,
                            "arn:aws:iam::111111111111:user/" + Profiles.string(profile, "username")))
                    .build();
            List<Any> annotations = existed ? List.of(Any.pack(GrantAlreadyExists.getDefaultInstance())) : List.of();
            return new ProvisionResult(List.of(), List.of(user), annotations);
        }

        @Override
        public ProvisionResult delete(ResourceId resource, ResourceId parent) {
            boolean gone = deleted.contains(resource);
            deleted.add(resource);
            return ProvisionResult.ofAnnotations(
                    gone ? List.of(Any.pack(ResourceDoesNotExist.getDefaultInstance())) : List.of());
        }
    }
}
