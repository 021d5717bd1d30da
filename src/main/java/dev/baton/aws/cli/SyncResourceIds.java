package dev.baton.aws.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The values of {@code --sync-resources}: baton ids ({@code bid:r:[<parentType>/<parentId>/]<type>/<id>}, with
 * {@code :}, {@code /} and {@code \} escaped by {@code \}), as the baton SDK takes them, or this connector's
 * resource keys ({@code <type>:<id>}, e.g. {@code iam_user:arn:aws:iam::111111111111:user/alice}), which need no
 * escaping. Both become resource keys.
 */
final class SyncResourceIds {
    private static final String FLAG = "--sync-resources";
    private static final String BID_PREFIX = "bid:r:";

    private SyncResourceIds() {}

    static Set<String> resourceKeys(List<String> values, Set<String> syncedTypes) {
        Set<String> keys = new LinkedHashSet<>();
        for (String raw : values) {
            String value = raw.trim();
            if (!value.isEmpty()) {
                keys.add(resourceKey(value, syncedTypes));
            }
        }
        return keys;
    }

    private static String resourceKey(String value, Set<String> syncedTypes) {
        String type;
        String id;
        if (value.startsWith(BID_PREFIX)) {
            List<String> parts = unescapedParts(value.substring(BID_PREFIX.length()), value);
            type = parts.get(parts.size() - 2);
            id = parts.get(parts.size() - 1);
        } else {
            int colon = value.indexOf(':');
            if (colon < 1 || colon == value.length() - 1) {
                throw invalid(value, "is neither <type>:<id> nor a baton id bid:r:<type>/<id>");
            }
            type = value.substring(0, colon);
            id = value.substring(colon + 1);
        }
        if (!ResourceTypeIds.ALL.contains(type)) {
            throw invalid(
                    value,
                    "names unknown resource type '" + type + "'; valid: " + String.join(", ", ResourceTypeIds.ALL));
        }
        if (!syncedTypes.isEmpty() && !syncedTypes.contains(type)) {
            throw invalid(value, "has type '" + type + "', which --sync-resource-types leaves out");
        }
        return type + ":" + id;
    }

    /** Splits at unescaped {@code /}: two parts (type, id) or four (parent type, parent id, type, id). */
    private static List<String> unescapedParts(String body, String value) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                part.append(body.charAt(++i));
            } else if (c == '/') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        if ((parts.size() != 2 && parts.size() != 4) || parts.stream().anyMatch(String::isEmpty)) {
            throw invalid(
                    value,
                    "is not a resource baton id bid:r:[<parentType>/<parentId>/]<type>/<id>"
                            + " (escape : / \\ in ids with \\)");
        }
        return parts;
    }

    private static ConfigException invalid(String value, String problem) {
        return ConfigException.invalid(FLAG, "'" + value + "' " + problem);
    }
}
