package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.spi.SyncException;
import org.junit.jupiter.api.Test;

class EntityArnTest {
    @Test
    void nameIsTheLastPathSegmentAndAccountComesFromTheArn() throws Exception {
        EntityArn user = EntityArn.parse("arn:aws:iam::222222222222:user/engineering/bob", "user");

        assertEquals("222222222222", user.accountId());
        assertEquals("user", user.kind());
        assertEquals("bob", user.name());
    }

    @Test
    void awsManagedPoliciesBelongToTheAwsAccount() throws Exception {
        EntityArn policy = EntityArn.parse("arn:aws:iam::aws:policy/job-function/Billing", "policy");

        assertTrue(policy.awsManaged());
        assertEquals("Billing", policy.name());
    }

    @Test
    void wrongKindOrMalformedArnIsRefused() {
        assertThrows(SyncException.class, () -> EntityArn.parse("arn:aws:iam::111111111111:group/x", "user"));
        assertThrows(SyncException.class, () -> EntityArn.parse("arn:aws:iam::111111111111:user/", "user"));
        assertThrows(SyncException.class, () -> EntityArn.parse("arn:aws:sts::111111111111:user/x", "user"));
        assertThrows(SyncException.class, () -> EntityArn.parse("alice", "user"));
    }
}
