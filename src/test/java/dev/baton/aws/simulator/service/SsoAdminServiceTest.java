package dev.baton.aws.simulator.service;

import static dev.baton.aws.simulator.service.JsonWorld.ADMIN;
import static dev.baton.aws.simulator.service.JsonWorld.CONNECTOR;
import static dev.baton.aws.simulator.service.JsonWorld.INSTANCE;
import static dev.baton.aws.simulator.service.JsonWorld.MEMBER_CALLER;
import static dev.baton.aws.simulator.service.JsonWorld.TEAM;
import static dev.baton.aws.simulator.service.JsonWorld.VIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.simulator.world.AccountAssignment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsoAdminServiceTest {
    private final JsonWorld world = new JsonWorld();
    private final SsoAdminService service =
            new SsoAdminService(world.state, new AccountAssignmentRequests(world.state));

    private JsonNode call(String action, String members) {
        return JsonWorld.call(service, CONNECTOR, action, "{\"InstanceArn\":\"" + INSTANCE + "\"" + members + "}");
    }

    private AwsFault fault(String action, String members) {
        return assertThrows(AwsFault.class, () -> call(action, members));
    }

    @Test
    void ownerSeesTheInstanceOthersSeeNone() {
        JsonNode instance = JsonWorld.call(service, CONNECTOR, "ListInstances", "{}")
                .get("Instances")
                .get(0);
        assertEquals(INSTANCE, instance.get("InstanceArn").asText());
        assertEquals("d-1234567890", instance.get("IdentityStoreId").asText());
        assertEquals("111111111111", instance.get("OwnerAccountId").asText());
        assertEquals(
                0,
                JsonWorld.call(service, MEMBER_CALLER, "ListInstances", "{}")
                        .get("Instances")
                        .size());
        AwsFault denied = assertThrows(
                AwsFault.class,
                () -> JsonWorld.call(
                        service, MEMBER_CALLER, "ListPermissionSets", "{\"InstanceArn\":\"" + INSTANCE + "\"}"));
        assertEquals("AccessDeniedException", denied.code());
    }

    @Test
    void permissionSetsPageAndDescribe() {
        JsonNode first = call("ListPermissionSets", "");
        JsonNode second = call(
                "ListPermissionSets",
                ",\"NextToken\":\"" + first.get("NextToken").asText() + "\"");
        assertEquals(List.of(ADMIN, TEAM), texts(first.get("PermissionSets")));
        assertEquals(List.of(VIEW), texts(second.get("PermissionSets")));
        assertFalse(second.has("NextToken"));
        JsonNode set = call("DescribePermissionSet", ",\"PermissionSetArn\":\"" + ADMIN + "\"")
                .get("PermissionSet");
        assertEquals("Admin", set.get("Name").asText());
        assertEquals("full access", set.get("Description").asText());
        assertEquals("PT4H", set.get("SessionDuration").asText());
        assertEquals(1709251200L, set.get("CreatedDate").asLong());
        assertEquals(
                "ResourceNotFoundException",
                fault("DescribePermissionSet", ",\"PermissionSetArn\":\"arn:x\"")
                        .code());
        assertEquals(
                "ResourceNotFoundException",
                assertThrows(
                                AwsFault.class,
                                () -> JsonWorld.call(
                                        service,
                                        CONNECTOR,
                                        "ListPermissionSets",
                                        "{\"InstanceArn\":\"arn:aws:sso:::instance/ssoins-other\"}"))
                        .code());
    }

    @Test
    void provisionedPairsDeriveFromAssignments() {
        assertEquals(
                List.of(ADMIN),
                texts(call("ListPermissionSetsProvisionedToAccount", ",\"AccountId\":\"222222222222\"")
                        .get("PermissionSets")));
        assertEquals(
                List.of("111111111111", "444444444444"),
                texts(call("ListAccountsForProvisionedPermissionSet", ",\"PermissionSetArn\":\"" + TEAM + "\"")
                        .get("AccountIds")));
        assertEquals(
                0,
                call(
                                "ListPermissionSetsProvisionedToAccount",
                                ",\"AccountId\":\"222222222222\","
                                        + "\"ProvisioningStatus\":\"LATEST_PERMISSION_SET_NOT_PROVISIONED\"")
                        .get("PermissionSets")
                        .size());
    }

    @Test
    void accountAssignmentsPageToTheLastPage() {
        String members = ",\"AccountId\":\"222222222222\",\"PermissionSetArn\":\"" + ADMIN + "\"";
        JsonNode first = call("ListAccountAssignments", members);
        JsonNode second = call(
                "ListAccountAssignments",
                members + ",\"NextToken\":\"" + first.get("NextToken").asText() + "\"");
        List<String> principals = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            page.get("AccountAssignments")
                    .forEach(a -> principals.add(a.get("PrincipalType").asText() + ":"
                            + a.get("PrincipalId").asText()));
        }
        assertEquals(List.of("GROUP:g-eng", "USER:u-carol", "USER:u-erin"), principals);
        assertFalse(second.has("NextToken"));
        JsonNode forCarol = call(
                "ListAccountAssignmentsForPrincipal",
                ",\"PrincipalId\":\"u-carol\",\"PrincipalType\":\"USER\",\"Filter\":{\"AccountId\":\"111111111111\"}");
        assertEquals(
                TEAM,
                forCarol.get("AccountAssignments")
                        .get(0)
                        .get("PermissionSetArn")
                        .asText());
        assertEquals(1, forCarol.get("AccountAssignments").size());
    }

    @Test
    void policiesOfAPermissionSet() {
        JsonNode managed =
                call("ListManagedPoliciesInPermissionSet", ",\"PermissionSetArn\":\"" + ADMIN + "\",\"MaxResults\":10");
        assertEquals(
                "AdministratorAccess",
                managed.get("AttachedManagedPolicies").get(0).get("Name").asText());
        assertEquals(
                "Billing",
                managed.get("AttachedManagedPolicies").get(2).get("Name").asText());
        assertEquals(
                "arn:aws:iam::aws:policy/job-function/Billing",
                managed.get("AttachedManagedPolicies").get(2).get("Arn").asText());
        JsonNode customer =
                call("ListCustomerManagedPolicyReferencesInPermissionSet", ",\"PermissionSetArn\":\"" + TEAM + "\"");
        assertEquals(
                "/division_abc/",
                customer.get("CustomerManagedPolicyReferences")
                        .get(1)
                        .get("Path")
                        .asText());
        String inline = call("GetInlinePolicyForPermissionSet", ",\"PermissionSetArn\":\"" + TEAM + "\"")
                .get("InlinePolicy")
                .asText();
        assertTrue(inline.contains("\"Version\":\"2012-10-17\""), inline);
        assertEquals(
                "",
                call("GetInlinePolicyForPermissionSet", ",\"PermissionSetArn\":\"" + ADMIN + "\"")
                        .get("InlinePolicy")
                        .asText());
        assertEquals(
                "arn:aws:iam::aws:policy/PowerUserAccess",
                call("GetPermissionsBoundaryForPermissionSet", ",\"PermissionSetArn\":\"" + TEAM + "\"")
                        .get("PermissionsBoundary")
                        .get("ManagedPolicyArn")
                        .asText());
        assertEquals(
                "/b/",
                call("GetPermissionsBoundaryForPermissionSet", ",\"PermissionSetArn\":\"" + VIEW + "\"")
                        .get("PermissionsBoundary")
                        .get("CustomerManagedPolicyReference")
                        .get("Path")
                        .asText());
        assertEquals(
                "ResourceNotFoundException",
                fault("GetPermissionsBoundaryForPermissionSet", ",\"PermissionSetArn\":\"" + ADMIN + "\"")
                        .code());
    }

    @Test
    void createdAssignmentAppearsOnlyAfterTheDelay() {
        AccountAssignment wanted = new AccountAssignment("444444444444", ADMIN, "USER", "u-dave");
        JsonNode created = call("CreateAccountAssignment", assignment(wanted)).get("AccountAssignmentCreationStatus");
        assertEquals("IN_PROGRESS", created.get("Status").asText());
        String requestId = created.get("RequestId").asText();
        assertEquals("IN_PROGRESS", creationStatus(requestId).get("Status").asText());
        assertFalse(world.state.world().identityCenter().assignments().contains(wanted));
        assertEquals(
                "ConflictException",
                fault("CreateAccountAssignment", assignment(wanted)).code());

        world.clock.advance(Duration.ofMillis(200));
        JsonNode done = creationStatus(requestId);
        assertEquals("SUCCEEDED", done.get("Status").asText());
        assertEquals("444444444444", done.get("TargetId").asText());
        assertEquals("AWS_ACCOUNT", done.get("TargetType").asText());
        assertTrue(world.state.world().identityCenter().assignments().contains(wanted));
    }

    @Test
    void assignmentToSuspendedAccountFails() {
        AccountAssignment wanted = new AccountAssignment("333333333333", ADMIN, "GROUP", "g-ops");
        String requestId = call("CreateAccountAssignment", assignment(wanted))
                .get("AccountAssignmentCreationStatus")
                .get("RequestId")
                .asText();
        world.clock.advance(Duration.ofSeconds(1));
        JsonNode status = creationStatus(requestId);
        assertEquals("FAILED", status.get("Status").asText());
        assertTrue(status.get("FailureReason").asText().contains("SUSPENDED"));
        assertFalse(world.state.world().identityCenter().assignments().contains(wanted));
    }

    @Test
    void deletionRemovesTheAssignmentAndAbsentOneFailsWith404() {
        AccountAssignment existing = new AccountAssignment("222222222222", ADMIN, "USER", "u-erin");
        String requestId = call("DeleteAccountAssignment", assignment(existing))
                .get("AccountAssignmentDeletionStatus")
                .get("RequestId")
                .asText();
        world.clock.advance(Duration.ofMillis(250));
        JsonNode status = call(
                        "DescribeAccountAssignmentDeletionStatus",
                        ",\"AccountAssignmentDeletionRequestId\":\"" + requestId + "\"")
                .get("AccountAssignmentDeletionStatus");
        assertEquals("SUCCEEDED", status.get("Status").asText());
        assertFalse(world.state.world().identityCenter().assignments().contains(existing));

        String again = call("DeleteAccountAssignment", assignment(existing))
                .get("AccountAssignmentDeletionStatus")
                .get("RequestId")
                .asText();
        world.clock.advance(Duration.ofMillis(250));
        JsonNode absent = call(
                        "DescribeAccountAssignmentDeletionStatus",
                        ",\"AccountAssignmentDeletionRequestId\":\"" + again + "\"")
                .get("AccountAssignmentDeletionStatus");
        assertEquals("FAILED", absent.get("Status").asText());
        assertTrue(absent.get("FailureReason").asText().contains("Received a 404 status error"));
        assertEquals(
                "ResourceNotFoundException",
                fault(
                                "DescribeAccountAssignmentCreationStatus",
                                ",\"AccountAssignmentCreationRequestId\":\"" + again + "\"")
                        .code());
    }

    @Test
    void invalidTargetOrPrincipalTypeIsAValidationError() {
        String base =
                ",\"TargetId\":\"222222222222\",\"PermissionSetArn\":\"" + ADMIN + "\",\"PrincipalId\":\"u-dave\"";
        assertEquals(
                "ValidationException",
                fault("CreateAccountAssignment", base + ",\"TargetType\":\"OU\",\"PrincipalType\":\"USER\"")
                        .code());
        assertEquals(
                "ValidationException",
                fault("CreateAccountAssignment", base + ",\"TargetType\":\"AWS_ACCOUNT\",\"PrincipalType\":\"ROLE\"")
                        .code());
        assertEquals(
                "ValidationException",
                fault("CreateAccountAssignment", ",\"TargetType\":\"AWS_ACCOUNT\"")
                        .code());
    }

    private JsonNode creationStatus(String requestId) {
        return call(
                        "DescribeAccountAssignmentCreationStatus",
                        ",\"AccountAssignmentCreationRequestId\":\"" + requestId + "\"")
                .get("AccountAssignmentCreationStatus");
    }

    private static String assignment(AccountAssignment a) {
        return ",\"TargetId\":\"" + a.accountId() + "\",\"TargetType\":\"AWS_ACCOUNT\",\"PermissionSetArn\":\""
                + a.permissionSetArn() + "\",\"PrincipalType\":\"" + a.principalType() + "\",\"PrincipalId\":\""
                + a.principalId() + "\"";
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
