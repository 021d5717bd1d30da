package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The IAM credential report (CSV, one row per user) reduced to what the sync uses: password and access-key use,
 * MFA and console access. Columns are found by header name because AWS has added columns over time.
 */
record CredentialReport(Map<String, Row> rowsByUserArn) {
    CredentialReport {
        rowsByUserArn = Map.copyOf(requireNonNull(rowsByUserArn, "rowsByUserArn is null"));
    }

    /**
     * @param passwordLastUsed null when never used or unknown
     * @param keySlots         the report's access key 1 and 2 columns, only for slots that hold a key
     */
    record Row(boolean passwordEnabled, Instant passwordLastUsed, boolean mfaActive, List<KeySlot> keySlots) {
        Row {
            keySlots = List.copyOf(requireNonNull(keySlots, "keySlots is null"));
        }
    }

    /** @param lastRotated the key's creation time (AWS reports creation as the first rotation) */
    record KeySlot(boolean active, Instant lastRotated, Instant lastUsed) {
        KeySlot {
            requireNonNull(lastRotated, "lastRotated is null");
        }
    }

    Row row(String userArn) {
        return rowsByUserArn.get(userArn);
    }

    static CredentialReport parse(String csv) {
        List<String> lines = csv.lines().filter(line -> !line.isBlank()).toList();
        if (lines.isEmpty()) {
            return new CredentialReport(Map.of());
        }
        List<String> header = fields(lines.get(0));
        Map<String, Row> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            Map<String, String> values = new HashMap<>();
            List<String> cells = fields(line);
            for (int i = 0; i < header.size() && i < cells.size(); i++) {
                values.put(header.get(i), cells.get(i));
            }
            String arn = values.getOrDefault("arn", "");
            if (arn.isEmpty() || arn.endsWith(":root")) {
                continue; // the <root_account> row describes the account, not an IAM user
            }
            rows.put(arn, row(values));
        }
        return new CredentialReport(rows);
    }

    private static Row row(Map<String, String> values) {
        List<KeySlot> slots = new ArrayList<>();
        for (int slot = 1; slot <= 2; slot++) {
            Instant rotated = instant(values.get("access_key_" + slot + "_last_rotated"));
            if (rotated != null) {
                slots.add(new KeySlot(
                        "true".equals(values.get("access_key_" + slot + "_active")),
                        rotated,
                        instant(values.get("access_key_" + slot + "_last_used_date"))));
            }
        }
        return new Row(
                "true".equals(values.get("password_enabled")),
                instant(values.get("password_last_used")),
                "true".equals(values.get("mfa_active")),
                slots);
    }

    /** Dates are ISO-8601 with an offset; "N/A", "no_information" and "not_supported" mean none. */
    static Instant instant(String value) {
        if (value == null || value.isEmpty() || !Character.isDigit(value.charAt(0))) {
            return null;
        }
        try {
            return IamValues.seconds(OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return IamValues.seconds(Instant.parse(value));
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** Splits one CSV line; AWS does not quote, but a quoted field (RFC 4180) is honoured. */
    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
