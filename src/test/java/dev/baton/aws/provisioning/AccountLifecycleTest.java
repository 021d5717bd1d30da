package dev.baton.aws.provisioning;

import static dev.baton.aws.provisioning.SyncFileFixture.ALICE;
import static dev.baton.aws.provisioning.SyncFileFixture.CHILD_USER;
import static dev.baton.aws.provisioning.SyncFileFixture.ERIN;
import static dev.baton.aws.provisioning.SyncFileFixture.MANAGEMENT;
import static dev.baton.aws.provisioning.SyncFileFixture.MEMBER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.aws.config.ProvisioningRequest;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Account creation and deletion for IAM and Identity Center users, each run twice, against the simulator. */
class AccountLifecycleTest {
    private SimulatedAws aws;

    @AfterEach
    void stop() {
        aws.close();
    }

    @Test
    void iamUserCreationIsIdempotentAndTagsTheEmail() throws Exception {
        ProvisioningService service = service("iam_user");
        ProvisioningRequest request = ProvisioningRequest.createAccount("jane", "jane@example.com", "", "");

        Outcome first = service.run(request);
        assertEquals("created", first.outcome());
        assertEquals(List.of("arn:aws:iam::" + MANAGEMENT + ":user/jane"), first.resourceIds());
        assertEquals(1, first.requestIds().size());
        JsonNode jane = aws.iamEntity(MANAGEMENT, "users", "jane");
        assertNotNull(jane);
        assertEquals("jane@example.com", jane.path("tags").path("email").asText());

        Outcome second = service.run(request);
        assertEquals("already-exists", second.outcome());
        assertEquals(first.resourceIds(), second.resourceIds());
    }

    @Test
    void iamUserNamedByItsEmailHasNoEmailTag() throws Exception {
        Outcome outcome = service("iam_user").run(ProvisioningRequest.createAccount("", "kim@example.com", "", ""));

        assertEquals(List.of("arn:aws:iam::" + MANAGEMENT + ":user/kim@example.com"), outcome.resourceIds());
        assertEquals(
                0,
                aws.iamEntity(MANAGEMENT, "users", "kim@example.com")
                        .path("tags")
                        .size());
    }

    @Test
    void inactiveAccountTargetRefusesWithUpstreamsMessage() {
        ProvisioningService service = service("sso_user");

        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.createAccount("jane", "jane@example.com", "", "iam_user")));

        assertEquals(
                "baton-aws: IAM user provisioning is disabled; set BATON_CREATE_ACCOUNT_RESOURCE_TYPE=iam_user",
                e.getMessage());
        assertNull(aws.iamEntity(MANAGEMENT, "users", "jane"));
    }

    @Test
    void deletingAnIamUserRemovesEverythingAttachedAndIsIdempotent() throws Exception {
        ProvisioningService service = service("iam_user");

        Outcome first = service.run(ProvisioningRequest.deleteResource("iam_user", ALICE));
        assertEquals("deleted", first.outcome());
        assertNull(aws.iamEntity(MANAGEMENT, "users", "alice"));
        JsonNode admins = aws.iamEntity(MANAGEMENT, "groups", "admins");
        assertNotNull(admins, "the group itself stays");
        assertTrue(aws.world().toString().indexOf("AKIAALICE") < 0, "no access key of alice is left anywhere");

        Outcome second = service.run(ProvisioningRequest.deleteResource("iam_user", ALICE));
        assertEquals("does-not-exist", second.outcome());
    }

    @Test
    void deletingAUserOfAnotherAccountUsesThatAccount() throws Exception {
        Outcome outcome = service("iam_user").run(ProvisioningRequest.deleteResource("iam_user", CHILD_USER));

        assertEquals("deleted", outcome.outcome());
        assertNull(aws.iamEntity(MEMBER, "users", "dave"));
        assertNotNull(aws.iamEntity(MEMBER, "groups", "ops"));
    }

    @Test
    void ssoUserCreationIsIdempotent() throws Exception {
        ProvisioningService service = service("sso_user");
        ProvisioningRequest request = ProvisioningRequest.createAccount(
                "",
                "",
                "{\"username\":\"jdoe@example.com\","
                        + "\"given_name\":\"Jane\",\"family_name\":\"Doe\",\"email\":\"jdoe@example.com\"}",
                "sso_user");

        Outcome first = service.run(request);
        assertEquals("created", first.outcome());
        JsonNode created = SimulatedAws.find(aws.identityCenter().path("users"), "userName", "jdoe@example.com");
        assertNotNull(created);
        assertEquals("Jane Doe", created.path("displayName").asText());
        assertEquals(
                List.of("arn:aws:identitystore:us-east-1::d-1234567890/user/"
                        + created.path("id").asText()),
                first.resourceIds());

        Outcome second = service.run(request);
        assertEquals("already-exists", second.outcome());
        assertEquals(first.resourceIds(), second.resourceIds());
    }

    @Test
    void ssoUserCreationNamesTheMissingField() {
        ProvisioningService service = service("sso_user");

        ProvisioningException e = assertThrows(
                ProvisioningException.class,
                () -> service.run(ProvisioningRequest.createAccount(
                        "jdoe", "jdoe@example.com", "{\"given_name\":\"Jane\"}", "sso_user")));

        assertEquals("baton-aws: missing \"family_name\" in account profile", e.getMessage());
    }

    @Test
    void deletingAnSsoUserIsIdempotent() throws Exception {
        ProvisioningService service = service("iam_user");

        assertEquals(
                "deleted",
                service.run(ProvisioningRequest.deleteResource("sso_user", ERIN))
                        .outcome());
        assertNull(SimulatedAws.find(aws.identityCenter().path("users"), "id", "u-erin"));
        assertEquals(
                "does-not-exist",
                service.run(ProvisioningRequest.deleteResource("sso_user", ERIN))
                        .outcome());
    }

    private ProvisioningService service(String accountCreationType) {
        aws = new SimulatedAws();
        return new ProvisioningService(aws.provisioners(accountCreationType));
    }
}
