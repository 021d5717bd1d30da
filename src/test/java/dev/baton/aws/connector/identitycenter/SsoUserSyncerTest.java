package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Struct;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.Status.ResourceStatus;
import dev.baton.aws.proto.c1.connector.v2.UserTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.identitystore.model.Email;
import software.amazon.awssdk.services.identitystore.model.ExternalId;
import software.amazon.awssdk.services.identitystore.model.User;
import software.amazon.awssdk.services.identitystore.model.UserStatus;

class SsoUserSyncerTest {
    private static final IdentityCenterInstance INSTANCE =
            new IdentityCenterInstance("eu-west-1", "arn:aws:sso:::instance/ssoins-1111222233334444", "d-1234567890");
    private static final String ARN = "arn:aws:identitystore:eu-west-1::d-1234567890/user/u-1";

    private static User.Builder user() {
        return User.builder().userId("u-1").userName("bob@example.com").displayName("Bob B");
    }

    @Test
    void arnUsesTheSsoRegionAndAnEmptyAccountSegment() {
        assertEquals(ARN, INSTANCE.userArn("u-1"));
    }

    @Test
    void mapsIdDisplayNameProfileAndV1Identifier() {
        Resource resource = SsoUserSyncer.toResource(
                user().externalIds(
                                ExternalId.builder().id("okta-1").issuer("okta").build())
                        .build(),
                ARN,
                SsoUserSyncer.Facts.none());
        assertEquals("sso_user", resource.getId().getResourceType());
        assertEquals(ARN, resource.getId().getResource());
        assertEquals("bob@example.com", resource.getDisplayName());
        Struct profile = resource.getProfile();
        assertEquals(
                List.of("aws_user_type", "aws_user_name", "aws_user_id", "external_ids"),
                List.copyOf(profile.getFieldsMap().keySet()));
        assertEquals("sso", Profiles.string(profile, "aws_user_type"));
        assertEquals("Bob B", Profiles.string(profile, "aws_user_name"));
        assertEquals("u-1", Profiles.string(profile, "aws_user_id"));
        Struct externalId = profile.getFieldsOrThrow("external_ids")
                .getListValue()
                .getValues(0)
                .getStructValue();
        assertEquals("okta-1", Profiles.string(externalId, "id"));
        assertEquals("okta", Profiles.string(externalId, "issuer"));
        assertEquals(
                ARN,
                Annotations.find(resource.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }

    @Test
    void externalIdsAreLeftOutWhenThereAreNone() {
        Resource resource = SsoUserSyncer.toResource(user().build(), ARN, SsoUserSyncer.Facts.none());
        assertFalse(resource.getProfile().containsFields("external_ids"));
    }

    @Test
    void userNameAddressIsPrimaryAndStoreEmailsFollowAsSecondary() {
        User user = user().emails(
                        Email.builder().value("bob@work.example").primary(true).build(),
                        Email.builder().value("bob@home.example").build())
                .build();
        List<UserTrait.Email> emails = SsoUserSyncer.emails(user);
        assertEquals(
                List.of("bob@example.com", "bob@work.example", "bob@home.example"),
                emails.stream().map(UserTrait.Email::getAddress).toList());
        assertEquals(
                List.of(true, false, false),
                emails.stream().map(UserTrait.Email::getIsPrimary).toList());
    }

    @Test
    void firstStoreEmailIsPrimaryWhenTheUserNameIsNoAddress() {
        User user = user().userName("bob")
                .emails(
                        Email.builder().value("b1@example.com").primary(false).build(),
                        Email.builder().value("b2@example.com").primary(true).build())
                .build();
        List<UserTrait.Email> emails = SsoUserSyncer.emails(user);
        assertEquals(
                List.of("b1@example.com", "b2@example.com"),
                emails.stream().map(UserTrait.Email::getAddress).toList());
        assertEquals(
                List.of(true, false),
                emails.stream().map(UserTrait.Email::getIsPrimary).toList());
    }

    @Test
    void identityStoreStatusWinsOverScim() {
        assertEquals(ResourceStatus.RESOURCE_STATUS_DISABLED, SsoUserSyncer.status(UserStatus.DISABLED, true));
        assertEquals(ResourceStatus.RESOURCE_STATUS_ENABLED, SsoUserSyncer.status(UserStatus.ENABLED, false));
    }

    @Test
    void scimActiveFillsInWhenIdentityStoreGivesNoStatus() {
        assertEquals(ResourceStatus.RESOURCE_STATUS_DISABLED, SsoUserSyncer.status(null, false));
        assertEquals(
                ResourceStatus.RESOURCE_STATUS_ENABLED, SsoUserSyncer.status(UserStatus.UNKNOWN_TO_SDK_VERSION, true));
        assertEquals(ResourceStatus.RESOURCE_STATUS_UNSPECIFIED, SsoUserSyncer.status(null, null));
    }

    @Test
    void disabledUserIsDisabledOnResourceAndTrait() {
        Resource resource = SsoUserSyncer.toResource(user().build(), ARN, new SsoUserSyncer.Facts(false, null));
        assertEquals(
                ResourceStatus.RESOURCE_STATUS_DISABLED, resource.getStatus().getStatus());
        UserTrait trait =
                Annotations.find(resource.getAnnotationsList(), UserTrait.class).orElseThrow();
        assertEquals(
                UserTrait.Status.StatusValue.STATUS_DISABLED, trait.getStatus().getStatus());
    }

    @Test
    void unknownStatusDefaultsToEnabledLikeTheSdk() {
        Resource resource = SsoUserSyncer.toResource(user().build(), ARN, SsoUserSyncer.Facts.none());
        UserTrait trait =
                Annotations.find(resource.getAnnotationsList(), UserTrait.class).orElseThrow();
        assertEquals(
                UserTrait.Status.StatusValue.STATUS_ENABLED, trait.getStatus().getStatus());
        assertEquals(UserTrait.AccountType.ACCOUNT_TYPE_HUMAN, trait.getAccountType());
        assertFalse(trait.hasLastLogin());
    }

    @Test
    void lastLoginFromCloudTrailGoesIntoTheTrait() {
        Instant login = Instant.parse("2026-11-20T08:15:30.250Z");
        Resource resource = SsoUserSyncer.toResource(user().build(), ARN, new SsoUserSyncer.Facts(null, login));
        UserTrait trait =
                Annotations.find(resource.getAnnotationsList(), UserTrait.class).orElseThrow();
        assertTrue(trait.hasLastLogin());
        assertEquals(login.getEpochSecond(), trait.getLastLogin().getSeconds());
        assertEquals(250_000_000, trait.getLastLogin().getNanos());
    }
}
