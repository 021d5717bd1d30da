package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnTest {
    @Test
    void parsesEverySectionAndKeepsColonsInTheResource() {
        Arn arn = Arn.parse("arn:aws:iam::123456789012:user/division/alice");
        assertEquals("aws", arn.partition());
        assertEquals("iam", arn.service());
        assertEquals("", arn.region());
        assertEquals("123456789012", arn.accountId());
        assertEquals("user/division/alice", arn.resource());
        assertEquals("alice", arn.name());
        assertEquals("user", arn.resourceType());
        assertEquals("arn:aws:iam::123456789012:user/division/alice", arn.toString());

        Arn withColons = Arn.parse("arn:aws:sso:::permissionSet/ssoins-1/ps-2:x");
        assertEquals("permissionSet/ssoins-1/ps-2:x", withColons.resource());
    }

    @Test
    void rejectsTextThatIsNotAnArn() {
        assertThrows(IllegalArgumentException.class, () -> Arn.parse("123456789012"));
        assertThrows(IllegalArgumentException.class, () -> Arn.parse("arn:aws:iam::123"));
        assertFalse(Arn.isArn("*"));
        assertTrue(Arn.isArn("arn:aws:iam::123456789012:root"));
    }
}
