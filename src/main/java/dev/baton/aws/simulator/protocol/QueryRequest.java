package dev.baton.aws.simulator.protocol;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A decoded awsQuery request: {@code Action}, {@code Version} and the other form parameters. */
public record QueryRequest(String action, String version, Map<String, String> parameters) {
    public QueryRequest {
        requireNonNull(action, "action is null");
        requireNonNull(version, "version is null");
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses an {@code application/x-www-form-urlencoded} body; missing Action or Version become empty strings. */
    public static QueryRequest parse(String body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return new QueryRequest(
                parameters.getOrDefault("Action", ""), parameters.getOrDefault("Version", ""), parameters);
    }

    /** The parameter, or null when absent. */
    public String get(String name) {
        return parameters.get(name);
    }

    /** Indexed list members {@code <prefix>.1}, {@code <prefix>.2}, … in order. */
    public List<String> list(String prefix) {
        List<String> values = new ArrayList<>();
        for (int i = 1; parameters.containsKey(prefix + "." + i); i++) {
            values.add(parameters.get(prefix + "." + i));
        }
        return values;
    }

    /** Indexed key/value pairs such as {@code Tags.member.1.Key}/{@code Tags.member.1.Value}, in order. */
    public Map<String, String> pairs(String prefix, String keyName, String valueName) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 1; parameters.containsKey(prefix + "." + i + "." + keyName); i++) {
            result.put(
                    parameters.get(prefix + "." + i + "." + keyName),
                    parameters.getOrDefault(prefix + "." + i + "." + valueName, ""));
        }
        return result;
    }
}
