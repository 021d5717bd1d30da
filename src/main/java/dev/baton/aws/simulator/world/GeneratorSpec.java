package dev.baton.aws.simulator.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The size of a generated world, parsed from {@code accounts=200,iamUsersPerAccount=20,ssoUsers=5000,…,seed=1}.
 * Every key is optional; the defaults make a small world that starts in milliseconds.
 */
public record GeneratorSpec(
        int accounts,
        int iamUsersPerAccount,
        int ssoUsers,
        int ssoGroups,
        int permissionSets,
        int assignments,
        long seed) {
    private static final List<String> KEYS =
            List.of("accounts", "iamUsersPerAccount", "ssoUsers", "ssoGroups", "permissionSets", "assignments", "seed");

    public GeneratorSpec {
        if (accounts < 1) {
            throw new IllegalArgumentException("accounts must be at least 1 (the management account)");
        }
        if (iamUsersPerAccount < 0 || ssoUsers < 0 || ssoGroups < 0 || permissionSets < 0 || assignments < 0) {
            throw new IllegalArgumentException("generator sizes must not be negative");
        }
        if (assignments > 0 && (permissionSets == 0 || ssoUsers + ssoGroups == 0)) {
            throw new IllegalArgumentException(
                    "assignments need at least one permission set and one SSO user or group");
        }
    }

    public static GeneratorSpec defaults() {
        return new GeneratorSpec(4, 5, 20, 5, 4, 20, 1);
    }

    /** Parses {@code key=value,…}; an unknown key or a bad number fails with a message naming it. */
    public static GeneratorSpec parse(String spec) {
        GeneratorSpec d = defaults();
        Map<String, Long> values = new LinkedHashMap<>(Map.of(
                "accounts",
                (long) d.accounts(),
                "iamUsersPerAccount",
                (long) d.iamUsersPerAccount(),
                "ssoUsers",
                (long) d.ssoUsers(),
                "ssoGroups",
                (long) d.ssoGroups(),
                "permissionSets",
                (long) d.permissionSets(),
                "assignments",
                (long) d.assignments(),
                "seed",
                d.seed()));
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            String key = (equals < 0 ? part : part.substring(0, equals)).trim();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(
                        "unknown generator key '" + key + "' (known: " + String.join(", ", KEYS) + ")");
            }
            String value = equals < 0 ? "" : part.substring(equals + 1).trim();
            try {
                values.put(key, Long.parseLong(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "generator key '" + key + "' needs a whole number, got '" + value + "'");
            }
        }
        return new GeneratorSpec(
                toInt(values, "accounts"),
                toInt(values, "iamUsersPerAccount"),
                toInt(values, "ssoUsers"),
                toInt(values, "ssoGroups"),
                toInt(values, "permissionSets"),
                toInt(values, "assignments"),
                values.get("seed"));
    }

    private static int toInt(Map<String, Long> values, String key) {
        long value = values.get(key);
        if (value > 1_000_000 || value < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("generator key '" + key + "' is too large: " + value);
        }
        return (int) value;
    }
}
