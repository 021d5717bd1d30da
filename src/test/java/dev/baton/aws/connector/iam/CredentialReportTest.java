package dev.baton.aws.connector.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialReportTest {
    private static final String CSV = String.join(
            "\n",
            "user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,"
                    + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
                    + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
                    + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,"
                    + "access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
                    + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated",
            "<root_account>,arn:aws:iam::111111111111:root,2024-01-01T00:00:00+00:00,not_supported,"
                    + "2024-02-01T00:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,"
                    + "N/A,N/A,N/A,false,N/A,false,N/A",
            "alice,arn:aws:iam::111111111111:user/alice,2024-01-01T00:00:00+00:00,true,"
                    + "2024-03-01T10:00:00+00:00,N/A,N/A,true,true,2024-01-02T00:00:00+00:00,"
                    + "2024-03-05T08:30:00+00:00,us-east-1,s3,false,2024-01-03T00:00:00+00:00,N/A,N/A,N/A,"
                    + "false,N/A,false,N/A",
            "bob,arn:aws:iam::111111111111:user/bob,2024-01-01T00:00:00+00:00,false,no_information,N/A,N/A,"
                    + "false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");

    @Test
    void readsPasswordKeysAndMfaPerUserAndSkipsTheRootRow() {
        CredentialReport report = CredentialReport.parse(CSV);
        assertEquals(2, report.rowsByUserArn().size());
        CredentialReport.Row alice = report.row("arn:aws:iam::111111111111:user/alice");
        assertTrue(alice.passwordEnabled());
        assertTrue(alice.mfaActive());
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), alice.passwordLastUsed());
        assertEquals(2, alice.keySlots().size());
        assertEquals(
                Instant.parse("2024-03-05T08:30:00Z"), alice.keySlots().get(0).lastUsed());
        assertTrue(alice.keySlots().get(0).active());
        assertFalse(alice.keySlots().get(1).active());
        assertNull(alice.keySlots().get(1).lastUsed());

        CredentialReport.Row bob = report.row("arn:aws:iam::111111111111:user/bob");
        assertFalse(bob.passwordEnabled());
        assertNull(bob.passwordLastUsed());
        assertTrue(bob.keySlots().isEmpty());
    }
}
