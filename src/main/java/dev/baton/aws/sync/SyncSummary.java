package dev.baton.aws.sync;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a finished sync wrote and what it cost, for the end of the CLI's output.
 *
 * @param resourcesByType     resources per resource type id, sorted
 * @param grantsDirect        grants the syncers emitted (after dropping dangling ones)
 * @param grantsExpanded      grants created by grant expansion
 * @param grantsUpdated       grants already stored that expansion rewrote (sources added)
 * @param warnings            warnings of the whole run (syncers' skips, dropped grants and edges)
 * @param firstWarnings       the first few warning messages
 * @param apiCallsByService   remote calls per service scope, sorted
 */
public record SyncSummary(
        long resourceTypes,
        SortedMap<String, Long> resourcesByType,
        long entitlements,
        long grantsDirect,
        long grantsExpanded,
        long grantsUpdated,
        long warnings,
        List<String> firstWarnings,
        SortedMap<String, Long> apiCallsByService,
        long throttled,
        long retries,
        Duration elapsed) {
    public SyncSummary {
        resourcesByType = sorted(resourcesByType, "resourcesByType");
        firstWarnings = List.copyOf(requireNonNull(firstWarnings, "firstWarnings is null"));
        apiCallsByService = sorted(apiCallsByService, "apiCallsByService");
        requireNonNull(elapsed, "elapsed is null");
    }

    public long resources() {
        return resourcesByType.values().stream().mapToLong(Long::longValue).sum();
    }

    public long grants() {
        return grantsDirect + grantsExpanded;
    }

    public long apiCalls() {
        return apiCallsByService.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A readable multi-line block; every line ends with a newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Sync finished in ").append(formatDuration(elapsed)).append('\n');
        out.append("  resource types: ").append(resourceTypes).append('\n');
        out.append("  resources:      ").append(resources()).append('\n');
        resourcesByType.forEach((type, count) ->
                out.append("    ").append(type).append(": ").append(count).append('\n'));
        out.append("  entitlements:   ").append(entitlements).append('\n');
        out.append("  grants:         ")
                .append(grants())
                .append(" (")
                .append(grantsDirect)
                .append(" direct, ")
                .append(grantsExpanded)
                .append(" from expansion; ")
                .append(grantsUpdated)
                .append(" existing grants given sources)")
                .append('\n');
        out.append("  API calls:      ").append(apiCalls());
        if (!apiCallsByService.isEmpty()) {
            out.append(" (");
            appendJoined(out, apiCallsByService);
            out.append(')');
        }
        out.append(", throttled ")
                .append(throttled)
                .append(", retries ")
                .append(retries)
                .append('\n');
        out.append("  warnings:       ").append(warnings).append('\n');
        firstWarnings.forEach(message -> out.append("    - ").append(message).append('\n'));
        if (warnings > firstWarnings.size()) {
            out.append("    ... and ")
                    .append(warnings - firstWarnings.size())
                    .append(" more")
                    .append('\n');
        }
        return out.toString();
    }

    /** The same facts as named values, for structured (JSON) logs. */
    public Map<String, Object> fields() {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("elapsed_seconds", elapsed.toMillis() / 1000.0);
        fields.put("resource_types", resourceTypes);
        fields.put("resources", resources());
        resourcesByType.forEach((type, count) -> fields.put("resources_" + type, count));
        fields.put("entitlements", entitlements);
        fields.put("grants", grants());
        fields.put("grants_direct", grantsDirect);
        fields.put("grants_expanded", grantsExpanded);
        fields.put("grants_given_sources", grantsUpdated);
        fields.put("api_calls", apiCalls());
        apiCallsByService.forEach((service, count) -> fields.put("api_calls_" + service, count));
        fields.put("throttled", throttled);
        fields.put("retries", retries);
        fields.put("warnings", warnings);
        return fields;
    }

    private static void appendJoined(StringBuilder out, Map<String, Long> counts) {
        String separator = "";
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            out.append(separator).append(entry.getKey()).append(' ').append(entry.getValue());
            separator = ", ";
        }
    }

    private static String formatDuration(Duration duration) {
        long millis = duration.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static SortedMap<String, Long> sorted(Map<String, Long> counts, String name) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(counts, name + " is null")));
    }
}
