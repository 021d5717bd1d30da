package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The Kubernetes example only sets BATON_* variables that are real flags of the root command. */
class KubernetesExampleTest {
    private static final Path EXAMPLE = Path.of("deploy/kubernetes/baton-aws.yaml");

    @Test
    void everyBatonVariableOfTheExampleIsAFlag() throws IOException {
        Set<String> known = flagVariables();
        Set<String> used = exampleVariables();
        assertTrue(used.size() >= 6, "the example sets the connector's variables: " + used);
        List<String> unknown = used.stream().filter(name -> !known.contains(name)).toList();
        assertEquals(List.of(), unknown, "variables in " + EXAMPLE + " that no flag reads");
        assertTrue(used.containsAll(Set.of("BATON_ROLE_ARN", "BATON_EXTERNAL_ID", "BATON_GLOBAL_AWS_ORGS_ENABLED",
                "BATON_FILE")), used.toString());
    }

    @Test
    void aMisspeltVariableWouldBeCaught() {
        assertTrue(!flagVariables().contains("BATON_ROLE_ARNS"));
        assertTrue(flagVariables().contains("BATON_GLOBAL_AWS_SSO_REGION"));
    }

    private static Set<String> flagVariables() {
        CommandLine root = Main.commandLine(new CliRun.RecordingWiring(typeId -> Set.of(), null),
                new ProcessContext(Map.of(), Path.of(".")), new LoggingSetup(),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()));
        return root.getCommandSpec().options().stream().map(OptionSpec::longestName)
                .map(name -> "BATON_" + name.replaceFirst("^-+", "").toUpperCase().replace('-', '_'))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> exampleVariables() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> names = new TreeSet<>();
        try (YAMLParser parser = new YAMLFactory().createParser(EXAMPLE.toFile())) {
            for (JsonNode document : yaml.readValues(parser, JsonNode.class).readAll()) {
                collect(document, names);
            }
        }
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().startsWith("BATON_")) {
                    names.add(field.getKey());
                }
                if (field.getKey().equals("name") && field.getValue().asText().startsWith("BATON_")) {
                    names.add(field.getValue().asText());
                }
                collect(field.getValue(), names);
            });
        } else if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(items::add);
            items.forEach(item -> collect(item, names));
        }
    }
}
