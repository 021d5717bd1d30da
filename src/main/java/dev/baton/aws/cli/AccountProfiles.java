package dev.baton.aws.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The profile fields an Identity Center user needs besides its login and email: checked before any AWS call, so
 * a missing name is a usage error naming the flag instead of a failure after the connector has started.
 */
final class AccountProfiles {
    static final List<String> SSO_USER_FIELDS = List.of("given_name", "family_name");

    private AccountProfiles() {}

    /** @param profileJson a JSON object (already validated) */
    static void requireSsoUserFields(String profileJson, String flag) {
        JsonNode profile;
        try {
            profile = new ObjectMapper().readTree(profileJson);
        } catch (IOException e) {
            throw new IllegalArgumentException("profile is not JSON: " + profileJson, e);
        }
        List<String> missing = new ArrayList<>();
        for (String field : SSO_USER_FIELDS) {
            JsonNode value = profile.get(field);
            if (value == null || !value.isTextual() || value.asText().isBlank()) {
                missing.add(field);
            }
        }
        if (!missing.isEmpty()) {
            throw ConfigException.invalid(
                    flag,
                    "an sso_user needs " + String.join(" and ", missing)
                            + ", e.g. {\"given_name\":\"Jane\",\"family_name\":\"Doe\"}");
        }
    }
}
