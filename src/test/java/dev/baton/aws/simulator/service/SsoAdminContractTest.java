package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.ADMIN;
import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.INSTANCE;
import static dev.baton.aws.simulator.service.JsonWorld.MEMBER_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.RESTRICTED_KEY;
import static dev.baton.aws.simulator.service.JsonWorld.TEAM;
import static dev.baton.aws.simulator.service.JsonWorld.VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.testing.SimulatorExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.ssoadmin.model.AccessDeniedException;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignment;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentForPrincipal;
import software.amazon.awssdk.services.ssoadmin.model.AccountAssignmentOperationStatus;
import software.amazon.awssdk.services.ssoadmin.model.ConflictException;
import software.amazon.awssdk.services.ssoadmin.model.CreateAccountAssignmentRequest;
import software.amazon.awssdk.services.ssoadmin.model.DeleteAccountAssignmentRequest;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;
import software.amazon.awssdk.services.ssoadmin.model.PermissionSet;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;
import software.amazon.awssdk.services.ssoadmin.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ssoadmin.model.StatusValues;
import software.amazon.awssdk.services.ssoadmin.model.TargetType;
import software.amazon.awssdk.services.ssoadmin.model.ThrottlingException;

/** SSO Admin through the real SDK v2 client against the simulator, incl. asynchronous assignments. */
class SsoAdminContractTest {
    @RegisterExtension
    final SimulatorExtension simulator = JsonWorld.simulator();

    private SsoAdminClient sso;

    @BeforeEach
    void client() {
        sso = simulator.ssoAdmin(CONNECTOR_KEY);
    }

    @AfterEach
    void stop() {
        sso.close();
    }

    @Test
    void instanceAndPermissionSets() {
        InstanceMetadata instance = sso.listInstances(r -> {}).instances().get(0);
        assertEquals(INSTANCE, instance.instanceArn());
        assertEquals("d-1234567890", instance.identityStoreId());
        assertEquals("111111111111", instance.ownerAccountId());
        var first = sso.listPermissionSets(r -> r.instanceArn(INSTANCE));
        assertEquals(List.of(ADMIN, TEAM), first.permissionSets());
        assertNotNull(first.nextToken());
        assertEquals(
                List.of(ADMIN, TEAM, VIEW),
                sso.listPermissionSetsPaginator(r -> r.instanceArn(INSTANCE)).permissionSets().stream()
                        .toList());
        PermissionSet admin = sso.describePermissionSet(
                        r -> r.instanceArn(INSTANCE).permissionSetArn(ADMIN))
                .permissionSet();
        assertEquals("Admin", admin.name());
        assertEquals("full access", admin.description());
        assertEquals("PT4H", admin.sessionDuration());
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), admin.createdDate());
        assertThrows(
                ResourceNotFoundException.class,
                () -> sso.describePermissionSet(r -> r.instanceArn(INSTANCE).permissionSetArn(ADMIN + "x")));
    }

    @Test
    void provisioningAndAssignmentsPageToTheEnd() {
        assertEquals(
                List.of(TEAM),
                sso
                        .listPermissionSetsProvisionedToAccountPaginator(
                                r -> r.instanceArn(INSTANCE).accountId("444444444444"))
                        .permissionSets()
                        .stream()
                        .toList());
        assertEquals(
                List.of("111111111111", "444444444444"),
                sso
                        .listAccountsForProvisionedPermissionSetPaginator(
                                r -> r.instanceArn(INSTANCE).permissionSetArn(TEAM))
                        .accountIds()
                        .stream()
                        .toList());
        var first = sso.listAccountAssignments(
                r -> r.instanceArn(INSTANCE).accountId("222222222222").permissionSetArn(ADMIN));
        assertEquals(2, first.accountAssignments().size());
        var last = sso.listAccountAssignments(r -> r.instanceArn(INSTANCE)
                .accountId("222222222222")
                .permissionSetArn(ADMIN)
                .nextToken(first.nextToken()));
        assertNull(last.nextToken());
        AccountAssignment erin = last.accountAssignments().get(0);
        assertEquals(PrincipalType.USER, erin.principalType());
        assertEquals("u-erin", erin.principalId());
        assertEquals("222222222222", erin.accountId());
        assertEquals(ADMIN, erin.permissionSetArn());
        List<AccountAssignmentForPrincipal> carol = sso
                .listAccountAssignmentsForPrincipalPaginator(
                        r -> r.instanceArn(INSTANCE).principalId("u-carol").principalType(PrincipalType.USER))
                .accountAssignments()
                .stream()
                .toList();
        assertEquals(2, carol.size());
    }

    @Test
    void permissionSetPolicies() {
        var managed = sso
                .listManagedPoliciesInPermissionSetPaginator(
                        r -> r.instanceArn(INSTANCE).permissionSetArn(ADMIN))
                .attachedManagedPolicies()
                .stream()
                .toList();
        assertEquals(3, managed.size());
        assertEquals(
                "arn:aws:iam::aws:policy/AdministratorAccess", managed.get(0).arn());
        assertEquals("AdministratorAccess", managed.get(0).name());
        var references = sso.listCustomerManagedPolicyReferencesInPermissionSet(
                        r -> r.instanceArn(INSTANCE).permissionSetArn(TEAM))
                .customerManagedPolicyReferences();
        assertEquals("TeamPolicy", references.get(0).name());
        assertEquals("/", references.get(0).path());
        assertEquals("/division_abc/", references.get(1).path());
        assertTrue(
                sso.getInlinePolicyForPermissionSet(r -> r.instanceArn(INSTANCE).permissionSetArn(TEAM))
                        .inlinePolicy()
                        .contains("2012-10-17"));
        assertEquals(
                "arn:aws:iam::aws:policy/PowerUserAccess",
                sso.getPermissionsBoundaryForPermissionSet(
                                r -> r.instanceArn(INSTANCE).permissionSetArn(TEAM))
                        .permissionsBoundary()
                        .managedPolicyArn());
        assertEquals(
                "Bound",
                sso.getPermissionsBoundaryForPermissionSet(
                                r -> r.instanceArn(INSTANCE).permissionSetArn(VIEW))
                        .permissionsBoundary()
                        .customerManagedPolicyReference()
                        .name());
        assertThrows(
                ResourceNotFoundException.class,
                () -> sso.getPermissionsBoundaryForPermissionSet(
                        r -> r.instanceArn(INSTANCE).permissionSetArn(ADMIN)));
    }

    @Test
    void assignmentIsInProgressUntilTheDelayThenVisibleInTheWorldFile() {
        CreateAccountAssignmentRequest create = CreateAccountAssignmentRequest.builder()
                .instanceArn(INSTANCE)
                .targetId("444444444444")
                .targetType(TargetType.AWS_ACCOUNT)
                .permissionSetArn(ADMIN)
                .principalType(PrincipalType.GROUP)
                .principalId("g-ops")
                .build();
        AccountAssignmentOperationStatus accepted =
                sso.createAccountAssignment(create).accountAssignmentCreationStatus();
        assertEquals(StatusValues.IN_PROGRESS, accepted.status());
        assertThrows(ConflictException.class, () -> sso.createAccountAssignment(create));
        assertEquals(
                StatusValues.IN_PROGRESS, creationStatus(accepted.requestId()).status());

        simulator.manualClock().advance(Duration.ofMillis(200));
        AccountAssignmentOperationStatus done = creationStatus(accepted.requestId());
        assertEquals(StatusValues.SUCCEEDED, done.status());
        assertEquals("g-ops", done.principalId());
        assertEquals(TargetType.AWS_ACCOUNT, done.targetType());
        assertTrue(sso
                .listAccountAssignments(
                        r -> r.instanceArn(INSTANCE).accountId("444444444444").permissionSetArn(ADMIN))
                .accountAssignments()
                .stream()
                .anyMatch(a -> a.principalId().equals("g-ops")));
        assertTrue(assignmentsInWorldFile().contains("g-ops"));
    }

    @Test
    void deletionSucceedsThenRepeatedDeletionFailsWith404() {
        DeleteAccountAssignmentRequest delete = DeleteAccountAssignmentRequest.builder()
                .instanceArn(INSTANCE)
                .targetId("222222222222")
                .targetType(TargetType.AWS_ACCOUNT)
                .permissionSetArn(ADMIN)
                .principalType(PrincipalType.USER)
                .principalId("u-erin")
                .build();
        String first = sso.deleteAccountAssignment(delete)
                .accountAssignmentDeletionStatus()
                .requestId();
        simulator.manualClock().advance(Duration.ofMillis(200));
        assertEquals(StatusValues.SUCCEEDED, deletionStatus(first).status());
        String second = sso.deleteAccountAssignment(delete)
                .accountAssignmentDeletionStatus()
                .requestId();
        simulator.manualClock().advance(Duration.ofMillis(200));
        AccountAssignmentOperationStatus failed = deletionStatus(second);
        assertEquals(StatusValues.FAILED, failed.status());
        assertTrue(failed.failureReason().contains("Received a 404 status error"));
        assertFalse(assignmentsInWorldFile().contains("u-erin"));
    }

    @Test
    void assignmentToSuspendedAccountFailsWithReason() {
        String requestId = sso.createAccountAssignment(r -> r.instanceArn(INSTANCE)
                        .targetId("333333333333")
                        .targetType(TargetType.AWS_ACCOUNT)
                        .permissionSetArn(TEAM)
                        .principalType(PrincipalType.USER)
                        .principalId("u-erin"))
                .accountAssignmentCreationStatus()
                .requestId();
        simulator.manualClock().advance(Duration.ofSeconds(1));
        AccountAssignmentOperationStatus status = creationStatus(requestId);
        assertEquals(StatusValues.FAILED, status.status());
        assertTrue(status.failureReason().contains("SUSPENDED"));
        assertThrows(ResourceNotFoundException.class, () -> deletionStatus(requestId));
    }

    @Test
    void otherAccountsSeeNoInstanceAndDeniedActionsFail() {
        try (SsoAdminClient member = simulator.ssoAdmin(MEMBER_KEY);
                SsoAdminClient restricted = simulator.ssoAdmin(RESTRICTED_KEY)) {
            assertTrue(member.listInstances(r -> {}).instances().isEmpty());
            assertThrows(AccessDeniedException.class, () -> member.listPermissionSets(r -> r.instanceArn(INSTANCE)));
            assertThrows(
                    AccessDeniedException.class,
                    () -> restricted.describePermissionSet(
                            r -> r.instanceArn(INSTANCE).permissionSetArn(ADMIN)));
            assertEquals(
                    3,
                    restricted.listPermissionSetsPaginator(r -> r.instanceArn(INSTANCE)).permissionSets().stream()
                            .count());
        }
    }

    @Test
    void ssoAdminAndIdentityStoreShareOneRateBucket() {
        try (SimulatorExtension throttled =
                        JsonWorld.withRate("identityCenter", 1).start();
                SsoAdminClient client = throttled.ssoAdmin(CONNECTOR_KEY);
                var store = throttled.identityStore(CONNECTOR_KEY)) {
            client.listInstances(r -> {});
            var exception = assertThrows(
                    software.amazon.awssdk.services.identitystore.model.ThrottlingException.class,
                    () -> store.listUsers(r -> r.identityStoreId("d-1234567890")));
            assertTrue(exception.isThrottlingException());
            assertThrows(ThrottlingException.class, () -> client.listInstances(r -> {}));
        }
    }

    private AccountAssignmentOperationStatus creationStatus(String requestId) {
        return sso.describeAccountAssignmentCreationStatus(
                        r -> r.instanceArn(INSTANCE).accountAssignmentCreationRequestId(requestId))
                .accountAssignmentCreationStatus();
    }

    private AccountAssignmentOperationStatus deletionStatus(String requestId) {
        return sso.describeAccountAssignmentDeletionStatus(
                        r -> r.instanceArn(INSTANCE).accountAssignmentDeletionRequestId(requestId))
                .accountAssignmentDeletionStatus();
    }

    private String assignmentsInWorldFile() {
        JsonNode assignments = simulator.worldFile().get("identityCenter").get("assignments");
        return assignments.toString();
    }
}
