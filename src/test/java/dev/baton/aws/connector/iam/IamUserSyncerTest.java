package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.connector.iam.IamRecords.User;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IamUserSyncerTest {
    private static final String ARN = "arn:aws:iam::111111111111:user/eng/alice@example.com";

    private static User alice(Instant password, List<Instant> keys) {
        return new User(
                ARN,
                "alice@example.com",
                "/eng/",
                "AIDAALICE",
                Map.of("email", "a@corp.example", "team", "x"),
                password,
                keys,
                true,
                true);
    }

    @Test
    void anEmailTagThatRepeatsTheUserNameIsListedOnce() {
        User dup = new User(
                "arn:aws:iam::111111111111:user/dup@example.com",
                "dup@example.com",
                "/",
                "AIDADUP",
                Map.of("email", "dup@example.com"),
                null,
                List.of(),
                false,
                false);

        assertEquals(List.of("dup@example.com"), IamUserSyncer.emails(dup));
        UserTrait trait = Annotations.find(
                        IamUserSyncer.toResource(dup, Ids.resourceId("account_iam", "111111111111"))
                                .getAnnotationsList(),
                        UserTrait.class)
                .orElseThrow();
        assertEquals(1, trait.getEmailsCount());
    }

    @Test
    void mapsIdsProfileEmailsAndAnnotations() {
        Resource resource =
                IamUserSyncer.toResource(alice(null, List.of()), Ids.resourceId("account_iam", "111111111111"));
        assertEquals(Ids.resourceId("iam_user", ARN), resource.getId());
        assertEquals("alice@example.com", resource.getDisplayName());
        assertEquals("111111111111", resource.getParentResourceId().getResource());
        assertEquals(ARN, Profiles.string(resource.getProfile(), "aws_arn"));
        assertEquals("/eng/", Profiles.string(resource.getProfile(), "aws_path"));
        assertEquals("iam", Profiles.string(resource.getProfile(), "aws_user_type"));
        assertEquals("AIDAALICE", Profiles.string(resource.getProfile(), "aws_user_id"));
        assertTrue(resource.getProfile().getFieldsOrThrow("aws_console_access").getBoolValue());
        assertEquals(
                "a@corp.example",
                resource.getProfile()
                        .getFieldsOrThrow("aws_tags")
                        .getStructValue()
                        .getFieldsOrThrow("email")
                        .getStringValue());
        assertEquals(
                ARN,
                Annotations.find(resource.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
        assertEquals(
                "inline_policy",
                Annotations.find(resource.getAnnotationsList(), ChildResourceType.class)
                        .orElseThrow()
                        .getResourceTypeId());
        UserTrait trait =
                Annotations.find(resource.getAnnotationsList(), UserTrait.class).orElseThrow();
        assertEquals(
                List.of("alice@example.com", "a@corp.example"),
                trait.getEmailsList().stream().map(UserTrait.Email::getAddress).toList());
        assertTrue(trait.getEmailsList().stream().allMatch(UserTrait.Email::getIsPrimary));
        assertTrue(trait.getMfaStatus().getMfaEnabled());
        assertFalse(trait.hasLastLogin());
        assertEquals(UserTrait.AccountType.ACCOUNT_TYPE_HUMAN, trait.getAccountType());
    }

    @Test
    void lastLoginIsTheMostRecentOfPasswordAndKeys() {
        Instant password = Instant.parse("2024-03-01T00:00:00Z");
        Instant oldKey = Instant.parse("2024-01-01T00:00:00Z");
        Instant newKey = Instant.parse("2024-05-01T00:00:00Z");
        assertEquals(newKey.getEpochSecond(), lastLogin(alice(password, List.of(oldKey, newKey))));
        assertEquals(password.getEpochSecond(), lastLogin(alice(password, List.of(oldKey))));
        assertEquals(password.getEpochSecond(), lastLogin(alice(password, List.of())));
        assertEquals(oldKey.getEpochSecond(), lastLogin(alice(null, List.of(oldKey))));
    }

    private static long lastLogin(User user) {
        return Annotations.find(IamUserSyncer.toResource(user, null).getAnnotationsList(), UserTrait.class)
                .orElseThrow()
                .getLastLogin()
                .getSeconds();
    }
}
