package dev.baton.aws.cli;

import dev.baton.aws.c1z.query.Access;
import dev.baton.aws.c1z.query.AccessPath;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A principal's access as a graph: principal, then the groups (or other resources) whose entitlements it holds on
 * the way, then each entitlement it reaches, then that entitlement's resource. Printed as Graphviz dot or as a
 * Mermaid flowchart; node ids are stable per run, labels are display names.
 */
final class AccessGraph {
    private final Map<String, String> nodes = new LinkedHashMap<>(); // key -> label
    private final Map<String, String> shapes = new LinkedHashMap<>();
    private final Map<String, String> ids = new LinkedHashMap<>();
    private final Set<List<String>> edges = new LinkedHashSet<>(); // from, to

    AccessGraph(Resource principal, List<Access> access, QueryNames names) {
        String root = node(
                "r:" + QueryNames.key(principal.getId()),
                names.typeName(principal.getId().getResourceType()) + ": " + QueryNames.displayName(principal),
                "principal");
        for (Access entry : access) {
            String target = entitlementNode(entry.entitlement());
            for (AccessPath path : entry.paths()) {
                String from = root;
                for (Entitlement hop : path.hops()) {
                    String held = entitlementNode(hop);
                    edges.add(List.of(from, held));
                    from = held;
                    if (hop.hasResource()) {
                        String via = resourceNode(hop.getResource(), names);
                        edges.add(List.of(held, via));
                        from = via;
                    }
                }
                edges.add(List.of(from, target));
            }
            if (entry.resource().hasId()) {
                edges.add(List.of(target, resourceNode(entry.resource(), names)));
            }
        }
    }

    private String entitlementNode(Entitlement entitlement) {
        return node("e:" + entitlement.getId(), QueryNames.entitlementName(entitlement), "entitlement");
    }

    private String resourceNode(Resource resource, QueryNames names) {
        return node(
                "r:" + QueryNames.key(resource.getId()),
                names.typeName(resource.getId().getResourceType()) + ": " + QueryNames.displayName(resource),
                "resource");
    }

    private String node(String key, String label, String shape) {
        if (!nodes.containsKey(key)) {
            ids.put(key, "n" + ids.size());
            nodes.put(key, label);
            shapes.put(key, shape);
        }
        return idOf(key);
    }

    private String idOf(String key) {
        return ids.get(key);
    }

    String dot() {
        StringBuilder out = new StringBuilder("digraph access {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        nodes.forEach((key, label) -> out.append("  ")
                .append(idOf(key))
                .append(" [label=\"")
                .append(dotEscape(label))
                .append("\", shape=")
                .append(
                        switch (shapes.get(key)) {
                            case "principal" -> "ellipse, style=filled, fillcolor=\"#dbeafe\"";
                            case "entitlement" -> "note";
                            default -> "box, style=rounded";
                        })
                .append("];\n"));
        for (List<String> edge : edges) {
            out.append("  ")
                    .append(edge.get(0))
                    .append(" -> ")
                    .append(edge.get(1))
                    .append(";\n");
        }
        return out.append("}\n").toString();
    }

    String mermaid() {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        nodes.forEach((key, label) -> {
            String text = "\"" + label.replace("\"", "#quot;") + "\"";
            out.append("  ")
                    .append(idOf(key))
                    .append(
                            switch (shapes.get(key)) {
                                case "principal" -> "([" + text + "])";
                                case "entitlement" -> "[/" + text + "/]";
                                default -> "(" + text + ")";
                            })
                    .append('\n');
        });
        for (List<String> edge : edges) {
            out.append("  ")
                    .append(edge.get(0))
                    .append(" --> ")
                    .append(edge.get(1))
                    .append('\n');
        }
        return out.toString();
    }

    private static String dotEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
