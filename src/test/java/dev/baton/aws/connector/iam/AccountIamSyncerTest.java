package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.baton.aws.model.Profiles;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountIamSyncerTest {
    @Test
    void childTypesAreInstanceAnnotationsInOrder() {
        Resource account = AccountIamSyncer.toResource(
                "222222222222",
                "dev",
                "arn:aws:organizations::111111111111:account/o-1/222222222222",
                List.of("iam_user", "role"));
        assertEquals("dev", account.getDisplayName());
        assertEquals("222222222222", Profiles.string(account.getProfile(), "aws_account_id"));
        assertEquals(
                List.of("iam_user", "role"),
                account.getAnnotationsList().stream()
                        .filter(a -> a.is(ChildResourceType.class))
                        .map(a -> unpack(a).getResourceTypeId())
                        .toList());
    }

    private static ChildResourceType unpack(com.google.protobuf.Any any) {
        try {
            return any.unpack(ChildResourceType.class);
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
