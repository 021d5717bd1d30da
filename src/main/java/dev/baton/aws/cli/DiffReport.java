package dev.baton.aws.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.c1z.query.Change;
import dev.baton.aws.c1z.query.GrantKind;
import dev.baton.aws.c1z.query.SyncDiff;
import dev.baton.aws.c1z.query.SyncRunRow;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Renders a {@link SyncDiff}: summary counts first, then the changes grouped per resource type (resources,
 * entitlements, and grants by the type of the entitlement's resource) and the grant changes per principal.
 * The JSON layout is documented in docs/history-and-queries.md and only ever grows.
 */
final class DiffReport {
    private static final String ADD = "+";
    private static final String REMOVE = "-";
    private static final String CHANGE = "~";

    private final SyncDiff diff;
    private final String fromFile;
    private final String toFile;
    private final String fromLabel;
    private final String toLabel;

    DiffReport(SyncDiff diff, String fromFile, String toFile) {
        this.diff = diff;
        this.fromFile = fromFile;
        this.toFile = toFile;
        this.fromLabel = label(fromFile, diff.from());
        this.toLabel = label(toFile, diff.to());
    }

    private static String label(String file, SyncRunRow run) {
        return file + " sync " + run.syncId() + " (ended " + run.endedAt() + ")";
    }

    // ---- summary counts

    private long grants(Change.Kind kind, GrantKind grantKind) {
        return diff.grants().stream()
                .filter(c -> c.kind() == kind && GrantKind.of(c.current()) == grantKind)
                .count();
    }

    // ---- grouping

    private static String type(Resource resource) {
        return resource.getId().getResourceType();
    }

    private static String grantType(Grant grant) {
        return grant.getEntitlement().getResource().getId().getResourceType();
    }

    private static String principal(Grant grant) {
        return QueryNames.key(grant.getPrincipal().getId());
    }

    private static <T> Map<String, List<Change<T>>> group(List<Change<T>> changes, Function<T, String> key) {
        Map<String, List<Change<T>>> groups = new TreeMap<>();
        for (Change<T> change : changes) {
            groups.computeIfAbsent(key.apply(change.current()), k -> new java.util.ArrayList<>())
                    .add(change);
        }
        return groups;
    }

    private static String sign(Change<?> change) {
        return switch (change.kind()) {
            case ADDED -> ADD;
            case REMOVED -> REMOVE;
            case CHANGED -> CHANGE;
        };
    }

    private static String resourceLine(Change<Resource> c) {
        String line = sign(c) + " " + c.id() + " \"" + QueryNames.displayName(c.current()) + "\"";
        return c.changedFields().isEmpty() ? line : line + ": " + String.join(", ", c.changedFields());
    }

    private static String entitlementLine(Change<Entitlement> c) {
        String line = sign(c) + " " + c.id();
        return c.changedFields().isEmpty() ? line : line + ": " + String.join(", ", c.changedFields());
    }

    private static String grantLine(Change<Grant> c, boolean showPrincipal) {
        Grant g = c.current();
        StringBuilder line =
                new StringBuilder(sign(c)).append(' ').append(g.getEntitlement().getId());
        if (showPrincipal) {
            line.append(" -> ").append(principal(g));
        }
        line.append(" (").append(GrantKind.of(g).label());
        List<String> via = GrantKind.via(g);
        if (!via.isEmpty()) {
            line.append(" via ").append(String.join(", ", via));
        }
        line.append(')');
        if (!c.changedFields().isEmpty()) {
            line.append(": ").append(String.join(", ", c.changedFields()));
        }
        return line.toString();
    }

    // ---- text

    String text() {
        StringBuilder out = new StringBuilder();
        out.append("from ")
                .append(fromLabel)
                .append('\n')
                .append("to   ")
                .append(toLabel)
                .append("\n\n");
        out.append(String.format("%-13s %7s %7s %7s%n", "", "added", "removed", "changed"));
        out.append(summaryLine("resources", diff.resources()));
        out.append(summaryLine("entitlements", diff.entitlements()));
        out.append(summaryLine("grants", diff.grants()));
        out.append(String.format(
                "%-13s %7d %7d%n",
                "  direct",
                grants(Change.Kind.ADDED, GrantKind.DIRECT),
                grants(Change.Kind.REMOVED, GrantKind.DIRECT)));
        out.append(String.format(
                "%-13s %7d %7d%n",
                "  expanded",
                grants(Change.Kind.ADDED, GrantKind.EXPANDED),
                grants(Change.Kind.REMOVED, GrantKind.EXPANDED)));
        if (diff.isEmpty()) {
            return out.append("\nno changes\n").toString();
        }
        out.append("\nBy resource type\n");
        for (String type : types()) {
            out.append("  ").append(type).append('\n');
            typeLines(type).forEach(line -> out.append("    ").append(line).append('\n'));
        }
        if (!diff.grants().isEmpty()) {
            out.append("\nGrants by principal\n");
            group(diff.grants(), DiffReport::principal).forEach((principal, changes) -> {
                out.append("  ").append(principal).append('\n');
                changes.forEach(
                        c -> out.append("    ").append(grantLine(c, false)).append('\n'));
            });
        }
        return out.toString();
    }

    /** The changes of one resource type: its resources, then entitlements, then grants on its resources. */
    private List<String> typeLines(String type) {
        List<String> lines = new java.util.ArrayList<>();
        group(diff.resources(), DiffReport::type)
                .getOrDefault(type, List.of())
                .forEach(c -> lines.add(resourceLine(c)));
        group(diff.entitlements(), (Entitlement e) -> type(e.getResource()))
                .getOrDefault(type, List.of())
                .forEach(c -> lines.add(entitlementLine(c)));
        group(diff.grants(), DiffReport::grantType)
                .getOrDefault(type, List.of())
                .forEach(c -> lines.add(grantLine(c, true)));
        return lines;
    }

    private static String summaryLine(String name, List<? extends Change<?>> changes) {
        long added = changes.stream().filter(c -> c.kind() == Change.Kind.ADDED).count();
        long removed =
                changes.stream().filter(c -> c.kind() == Change.Kind.REMOVED).count();
        long changed =
                changes.stream().filter(c -> c.kind() == Change.Kind.CHANGED).count();
        return String.format("%-13s %7d %7d %7d%n", name, added, removed, changed);
    }

    private java.util.Set<String> types() {
        java.util.Set<String> types = new java.util.TreeSet<>();
        types.addAll(group(diff.resources(), DiffReport::type).keySet());
        types.addAll(group(diff.entitlements(), (Entitlement e) -> type(e.getResource()))
                .keySet());
        types.addAll(group(diff.grants(), DiffReport::grantType).keySet());
        return types;
    }

    // ---- markdown

    String markdown() {
        StringBuilder out = new StringBuilder("### Access changes\n\n");
        out.append("From `").append(fromLabel).append("` to `").append(toLabel).append("`\n\n");
        out.append("| | added | removed | changed |\n|---|---:|---:|---:|\n");
        out.append(markdownRow("resources", diff.resources()));
        out.append(markdownRow("entitlements", diff.entitlements()));
        out.append(markdownRow("grants", diff.grants()));
        out.append("| grants, direct | ")
                .append(grants(Change.Kind.ADDED, GrantKind.DIRECT))
                .append(" | ")
                .append(grants(Change.Kind.REMOVED, GrantKind.DIRECT))
                .append(" | |\n");
        out.append("| grants, from expansion | ")
                .append(grants(Change.Kind.ADDED, GrantKind.EXPANDED))
                .append(" | ")
                .append(grants(Change.Kind.REMOVED, GrantKind.EXPANDED))
                .append(" | |\n");
        if (diff.isEmpty()) {
            return out.append("\nNo changes.\n").toString();
        }
        out.append("\n#### By resource type\n");
        for (String type : types()) {
            out.append("\n<details><summary><code>").append(type).append("</code></summary>\n\n");
            typeLines(type).forEach(line -> out.append("- `").append(line).append("`\n"));
            out.append("\n</details>\n");
        }
        if (!diff.grants().isEmpty()) {
            out.append("\n#### Grants by principal\n");
            group(diff.grants(), DiffReport::principal).forEach((principal, changes) -> {
                out.append("\n<details><summary><code>").append(principal).append("</code></summary>\n\n");
                changes.forEach(
                        c -> out.append("- `").append(grantLine(c, false)).append("`\n"));
                out.append("\n</details>\n");
            });
        }
        return out.toString();
    }

    private static String markdownRow(String name, List<? extends Change<?>> changes) {
        return "| " + name + " | "
                + changes.stream().filter(c -> c.kind() == Change.Kind.ADDED).count() + " | "
                + changes.stream().filter(c -> c.kind() == Change.Kind.REMOVED).count() + " | "
                + changes.stream().filter(c -> c.kind() == Change.Kind.CHANGED).count() + " |\n";
    }

    // ---- json

    ObjectNode json() {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.set("from", sync(mapper, diff.from(), fromFile));
        root.set("to", sync(mapper, diff.to(), toFile));
        ObjectNode summary = root.putObject("summary");
        summary.set("resources", counts(mapper, diff.resources()));
        summary.set("entitlements", counts(mapper, diff.entitlements()));
        ObjectNode grantCounts = counts(mapper, diff.grants());
        grantCounts.put("direct_added", grants(Change.Kind.ADDED, GrantKind.DIRECT));
        grantCounts.put("direct_removed", grants(Change.Kind.REMOVED, GrantKind.DIRECT));
        grantCounts.put("expanded_added", grants(Change.Kind.ADDED, GrantKind.EXPANDED));
        grantCounts.put("expanded_removed", grants(Change.Kind.REMOVED, GrantKind.EXPANDED));
        summary.set("grants", grantCounts);
        ArrayNode resources = root.putArray("resources");
        for (Change<Resource> c : diff.resources()) {
            ObjectNode node = change(resources, c);
            node.put("resource_type", type(c.current()))
                    .put("resource_id", c.current().getId().getResource())
                    .put("display_name", c.current().getDisplayName());
        }
        ArrayNode entitlements = root.putArray("entitlements");
        for (Change<Entitlement> c : diff.entitlements()) {
            ObjectNode node = change(entitlements, c);
            node.put("resource_type", type(c.current().getResource()))
                    .put("resource_id", c.current().getResource().getId().getResource())
                    .put("display_name", c.current().getDisplayName());
        }
        ArrayNode grants = root.putArray("grants");
        for (Change<Grant> c : diff.grants()) {
            Grant g = c.current();
            ObjectNode node = change(grants, c);
            node.put("entitlement", g.getEntitlement().getId())
                    .put("resource_type", grantType(g))
                    .put("resource_id", g.getEntitlement().getResource().getId().getResource())
                    .put("principal_type", g.getPrincipal().getId().getResourceType())
                    .put("principal_id", g.getPrincipal().getId().getResource())
                    .put("kind", GrantKind.of(g).label());
            GrantKind.via(g).forEach(node.putArray("via")::add);
        }
        return root;
    }

    private static ObjectNode sync(ObjectMapper mapper, SyncRunRow run, String file) {
        ObjectNode node = mapper.createObjectNode();
        node.put("file", file);
        node.put("sync_id", run.syncId()).put("started_at", run.startedAt()).put("ended_at", run.endedAt());
        return node;
    }

    private static ObjectNode counts(ObjectMapper mapper, List<? extends Change<?>> changes) {
        ObjectNode node = mapper.createObjectNode();
        node.put(
                "added",
                changes.stream().filter(c -> c.kind() == Change.Kind.ADDED).count());
        node.put(
                "removed",
                changes.stream().filter(c -> c.kind() == Change.Kind.REMOVED).count());
        node.put(
                "changed",
                changes.stream().filter(c -> c.kind() == Change.Kind.CHANGED).count());
        return node;
    }

    private static ObjectNode change(ArrayNode array, Change<?> change) {
        ObjectNode node = array.addObject();
        node.put("change", change.kind().label()).put("id", change.id());
        if (!change.changedFields().isEmpty()) {
            change.changedFields().forEach(node.putArray("changed_fields")::add);
        }
        return node;
    }
}
