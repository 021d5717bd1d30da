package dev.baton.aws.simulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The output shapes of the operations the simulator serves, as AWS's published API models describe them: per
 * service, each operation's output structure, and per structure its members and which of them are required.
 * Read from {@code required-members.json} next to this package (the file names the model version it came from).
 */
public final class ResponseModel {
    static final String RESOURCE = "/dev/baton/aws/simulator/required-members.json";

    private final String source;
    private final Map<String, Service> services;

    private ResponseModel(String source, Map<String, Service> services) {
        this.source = source;
        this.services = Collections.unmodifiableMap(services);
    }

    /** A structure (members and required names), a list ({@code element}) or a map ({@code element} = value). */
    public record Shape(Kind kind, Map<String, String> members, Set<String> required, String element) {
        public enum Kind {
            STRUCTURE,
            LIST,
            MAP
        }

        /** The shape of member {@code name} when it is a structure, list or map; null for scalars and unknowns. */
        public String memberShape(String name) {
            return members.get(name);
        }
    }

    /** One service's model: {@code protocol} is {@code query} or {@code json}. */
    public record Service(
            String name,
            String protocol,
            String apiVersion,
            String targetPrefix,
            Map<String, String> operations,
            Map<String, Shape> shapes) {
        /** The output structure of {@code operation}, or empty when it has none (or is unknown). */
        public Optional<String> output(String operation) {
            return Optional.ofNullable(operations.get(operation));
        }

        public Shape shape(String name) {
            return name == null ? null : shapes.get(name);
        }
    }

    public static ResponseModel load() {
        try (InputStream in = ResponseModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return parse(JsonProtocol.mapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static ResponseModel parse(JsonNode root) {
        Map<String, Service> services = new LinkedHashMap<>();
        root.path("services").properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            Map<String, String> operations = new HashMap<>();
            node.path("operations")
                    .properties()
                    .forEach(op -> operations.put(
                            op.getKey(),
                            op.getValue().isNull() ? null : op.getValue().asText()));
            Map<String, Shape> shapes = new HashMap<>();
            node.path("shapes").properties().forEach(shape -> shapes.put(shape.getKey(), shape(shape.getValue())));
            services.put(
                    entry.getKey(),
                    new Service(
                            entry.getKey(),
                            node.path("protocol").asText(),
                            node.path("apiVersion").asText(),
                            node.path("targetPrefix").asText(null),
                            Collections.unmodifiableMap(operations),
                            Collections.unmodifiableMap(shapes)));
        });
        return new ResponseModel(root.path("source").asText(), services);
    }

    private static Shape shape(JsonNode node) {
        if (node.has("list")) {
            return new Shape(Shape.Kind.LIST, Map.of(), Set.of(), textOrNull(node.get("list")));
        }
        if (node.has("map")) {
            return new Shape(Shape.Kind.MAP, Map.of(), Set.of(), textOrNull(node.get("map")));
        }
        Map<String, String> members = new HashMap<>();
        node.path("members").properties().forEach(m -> members.put(m.getKey(), textOrNull(m.getValue())));
        Set<String> required = new TreeSet<>();
        node.path("required").forEach(name -> required.add(name.asText()));
        return new Shape(
                Shape.Kind.STRUCTURE,
                Collections.unmodifiableMap(members),
                Collections.unmodifiableSet(required),
                null);
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    /** Which model release the data came from (the file's {@code source} field). */
    public String source() {
        return source;
    }

    public Map<String, Service> services() {
        return services;
    }

    /** A JSON 1.1 service by its {@code X-Amz-Target} prefix. */
    public Optional<Service> byTargetPrefix(String targetPrefix) {
        return services.values().stream()
                .filter(s -> targetPrefix.equals(s.targetPrefix()))
                .findFirst();
    }

    /** An awsQuery service by its {@code Version}. */
    public Optional<Service> byQueryVersion(String version) {
        return services.values().stream()
                .filter(s -> s.protocol().equals("query") && s.apiVersion().equals(version))
                .findFirst();
    }
}
