package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
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

/**
 * The Dockerfile, the Kubernetes manifests and the CI workflow, checked by parsing them (no container engine is
 * needed): a pinned, labelled, non-root image with a sized heap; a CronJob with its ServiceAccount (IRSA), a
 * restricted security context and a writable /tmp; only BATON_* variables that are real flags.
 */
class DeploymentFilesTest {
    private static final Path DOCKERFILE = Path.of("Dockerfile");
    private static final Path MANIFESTS = Path.of("deploy/kubernetes/baton-aws.yaml");
    private static final Path WORKFLOW = Path.of(".github/workflows/ci.yml");

    @Test
    void everyBaseImageIsPinnedByDigestWithARefreshNote() throws IOException {
        List<String> from = dockerfileInstructions("FROM");
        assertEquals(2, from.size(), from.toString());
        for (String image : from) {
            assertTrue(image.matches("\\S+:\\S+@sha256:[0-9a-f]{64}( AS \\w+)?"), "not pinned by digest: " + image);
        }
        assertTrue(from.get(1).startsWith("eclipse-temurin:17-jre@"), from.get(1));
        assertTrue(Files.readString(DOCKERFILE).contains("must be\n# refreshed"), "a comment says to refresh them");
    }

    @Test
    void theImageCarriesOciLabels() throws IOException {
        String labels = String.join(" ", dockerfileInstructions("LABEL"));
        for (String key : List.of("title", "description", "licenses", "version", "revision", "source")) {
            assertTrue(labels.contains("org.opencontainers.image." + key + "="), key + " in " + labels);
        }
    }

    @Test
    void theImageRunsAsANumericNonRootUserWithAWritableDataDirectory() throws IOException {
        assertEquals(List.of("10001:10001"), dockerfileInstructions("USER"));
        String run = String.join(" ", dockerfileInstructions("RUN"));
        assertTrue(run.contains("--uid 10001") && run.contains("--gid 10001"), run);
        assertTrue(run.contains("chown 10001:10001 /data"), run);
        assertEquals(List.of("[\"/data\"]"), dockerfileInstructions("VOLUME"));
        assertEquals(List.of("/data"), dockerfileInstructions("WORKDIR").subList(1, 2));
        assertTrue(Files.readString(DOCKERFILE).contains("uid 10001, gid 10001"), "the uid and gid are documented");
    }

    @Test
    void theJvmSizesItsHeapFromTheContainerLimit() throws IOException {
        List<String> entrypoint = dockerfileInstructions("ENTRYPOINT");
        assertEquals(1, entrypoint.size());
        List<String> words = List.of(new ObjectMapper().readValue(entrypoint.get(0), String[].class));
        assertTrue(
                words.stream().anyMatch(word -> word.matches("-XX:MaxRAMPercentage=([5-8][0-9])")), words.toString());
        assertEquals("/opt/baton-aws/baton-aws.jar", words.get(words.size() - 1));
    }

    @Test
    void theCronJobHasAServiceAccountWithAnIrsaRole() throws IOException {
        JsonNode pod = cronJob().at("/spec/jobTemplate/spec/template/spec");
        String accountName = pod.path("serviceAccountName").asText();
        JsonNode account = manifest("ServiceAccount");
        assertEquals(accountName, account.at("/metadata/name").asText());
        String role = account.at("/metadata/annotations")
                .path("eks.amazonaws.com/role-arn")
                .asText();
        assertTrue(role.startsWith("arn:aws:iam::") && role.contains(":role/"), role);
    }

    @Test
    void theContainerRunsRestricted() throws IOException {
        JsonNode pod = cronJob().at("/spec/jobTemplate/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertEquals(10001, pod.at("/securityContext/runAsUser").asInt());
        assertEquals(
                "RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
        JsonNode container = pod.at("/containers/0/securityContext");
        assertTrue(container.path("readOnlyRootFilesystem").asBoolean(), container.toString());
        assertFalse(container.path("allowPrivilegeEscalation").asBoolean(true), container.toString());
        assertFalse(container.path("privileged").asBoolean(true), container.toString());
        assertEquals("[\"ALL\"]", container.at("/capabilities/drop").toString());
    }

    @Test
    void tmpIsAWritableEmptyDirAndDataAPersistentVolume() throws IOException {
        JsonNode pod = cronJob().at("/spec/jobTemplate/spec/template/spec");
        assertEquals("emptyDir", volumeKind(pod, mountedVolume(pod, "/tmp")));
        assertEquals("persistentVolumeClaim", volumeKind(pod, mountedVolume(pod, "/data")));
    }

    @Test
    void theImageIsAClearlyMarkedPlaceholderNeverLatest() throws IOException {
        String image = cronJob()
                .at("/spec/jobTemplate/spec/template/spec/containers/0/image")
                .asText();
        assertTrue(image.contains("REPLACE"), image);
        assertFalse(image.endsWith(":latest") || !image.contains(":"), image);
        assertFalse(Files.readString(MANIFESTS).contains("ghcr.io/example"), "the old example image is gone");
    }

    @Test
    void everyBatonVariableOfTheManifestsIsAFlag() throws IOException {
        Set<String> known = flagVariables();
        Set<String> used = manifestVariables();
        assertTrue(used.size() >= 6, "the example sets the connector's variables: " + used);
        List<String> unknown =
                used.stream().filter(name -> !known.contains(name)).toList();
        assertEquals(List.of(), unknown, "variables in " + MANIFESTS + " that no flag reads");
        assertTrue(
                used.containsAll(
                        Set.of("BATON_ROLE_ARN", "BATON_EXTERNAL_ID", "BATON_GLOBAL_AWS_ORGS_ENABLED", "BATON_FILE")),
                used.toString());
    }

    @Test
    void aMisspeltVariableWouldBeCaught() {
        assertFalse(flagVariables().contains("BATON_ROLE_ARNS"));
        assertTrue(flagVariables().contains("BATON_GLOBAL_AWS_SSO_REGION"));
    }

    @Test
    void theWorkflowBuildsTheImageAndRunsTheDemoInIt() throws IOException {
        JsonNode jobs =
                new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile()).path("jobs");
        List<String> commands = new ArrayList<>();
        jobs.forEach(job ->
                job.path("steps").forEach(step -> commands.add(step.path("run").asText())));
        assertTrue(commands.stream().anyMatch(run -> run.contains("docker build")), commands.toString());
        String demo = commands.stream()
                .filter(run -> run.contains("docker run"))
                .findFirst()
                .orElse("");
        assertTrue(demo.contains(" demo ") && demo.contains("--read-only"), demo);
        assertTrue(commands.stream().anyMatch(run -> run.contains(".ci/run")), "the tests still run");
    }

    /** The arguments of each Dockerfile instruction named {@code keyword}, continuation lines joined. */
    private static List<String> dockerfileInstructions(String keyword) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readAllLines(DOCKERFILE)) {
            String trimmed = line.strip();
            if (current == null && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            String text = trimmed.endsWith("\\")
                    ? trimmed.substring(0, trimmed.length() - 1).strip()
                    : trimmed;
            if (current == null) {
                current = new StringBuilder(text);
            } else {
                current.append(' ').append(text);
            }
            if (!trimmed.endsWith("\\")) {
                String instruction = current.toString();
                int space = instruction.indexOf(' ');
                if (instruction.substring(0, space).equalsIgnoreCase(keyword)) {
                    instructions.add(instruction.substring(space + 1).strip());
                }
                current = null;
            }
        }
        return instructions;
    }

    private static String mountedVolume(JsonNode pod, String path) {
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                return mount.path("name").asText();
            }
        }
        throw new AssertionError("nothing is mounted at " + path);
    }

    private static String volumeKind(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                List<String> kinds = new ArrayList<>();
                volume.fieldNames().forEachRemaining(kinds::add);
                kinds.remove("name");
                return String.join(",", kinds);
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static JsonNode cronJob() throws IOException {
        return manifest("CronJob");
    }

    private static JsonNode manifest(String kind) throws IOException {
        JsonNode found = null;
        for (JsonNode document : manifests()) {
            if (document.path("kind").asText().equals(kind)) {
                found = document;
            }
        }
        assertNotNull(found, "no " + kind + " in " + MANIFESTS);
        return found;
    }

    private static List<JsonNode> manifests() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (YAMLParser parser = new YAMLFactory().createParser(MANIFESTS.toFile())) {
            return yaml.readValues(parser, JsonNode.class).readAll();
        }
    }

    private static Set<String> flagVariables() {
        CommandLine root = Main.commandLine(
                new CliRun.RecordingWiring(typeId -> Set.of(), null),
                new ProcessContext(Map.of(), Path.of(".")),
                new LoggingSetup(),
                new PrintWriter(Writer.nullWriter()),
                new PrintWriter(Writer.nullWriter()));
        return root.getCommandSpec().options().stream()
                .map(OptionSpec::longestName)
                .map(BatonDefaultProvider::environmentVariable)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> manifestVariables() throws IOException {
        Set<String> names = new TreeSet<>();
        for (JsonNode document : manifests()) {
            collect(document, names);
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
            node.forEach(item -> collect(item, names));
        }
    }
}
