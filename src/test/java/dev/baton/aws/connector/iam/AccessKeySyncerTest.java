package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.connector.iam.IamRecords.AccessKey;
import dev.baton.aws.connector.iam.IamRecords.User;
import dev.baton.aws.model.Annotations;
import dev.baton.aws.model.Ids;
import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.SecretTrait;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessKeySyncerTest {
    @Test
    void keysLinkToTheIamUserResourceAndCarryTheirStatus() {
        String arn = "arn:aws:iam::222222222222:user/bob";
        User bob = new User(arn, "bob", "/", "AIDABOB", Map.of(), null, List.of(), false, false);
        Instant created = Instant.parse("2024-01-02T00:00:00Z");
        Instant used = Instant.parse("2024-02-02T00:00:00Z");
        Resource key = AccessKeySyncer.toResource(
                bob.arn(),
                bob.name(),
                new AccessKey("AKIABOB1", "Inactive", created, used),
                Ids.resourceId("account_iam", "222222222222"));
        assertEquals(Ids.resourceId("access-key", "AKIABOB1"), key.getId());
        assertEquals("bob|AKIABOB1", key.getDisplayName());
        assertEquals(created.getEpochSecond(), key.getCreatedAt().getSeconds());
        assertEquals("Inactive", Profiles.string(key.getProfile(), "aws_access_key_status"));
        SecretTrait trait =
                Annotations.find(key.getAnnotationsList(), SecretTrait.class).orElseThrow();
        assertEquals(Ids.resourceId("iam_user", arn), trait.getIdentityId());
        assertEquals(Ids.resourceId("iam_user", arn), trait.getCreatedById());
        assertEquals(SecretTrait.CredentialType.CREDENTIAL_TYPE_STATIC_SECRET, trait.getCredentialType());
        assertEquals("aws.access_key", trait.getCredentialDetail());
        assertEquals(used.getEpochSecond(), trait.getLastUsedAt().getSeconds());
        assertEquals(
                arn,
                Annotations.find(key.getAnnotationsList(), V1Identifier.class)
                        .orElseThrow()
                        .getId());
    }
}
