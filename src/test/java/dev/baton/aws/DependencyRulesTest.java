package dev.baton.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package arrows of docs/architecture.md: a package imports only the project packages listed for it. When
 * this fails, move the code; do not add an exception here.
 */
class DependencyRulesTest {
    private static final String ROOT = "dev.baton.aws";
    private static final Path SOURCES = Path.of("src/main/java/dev/baton/aws");
    private static final Pattern IMPORT =
            Pattern.compile("^import (?:static )?(dev\\.baton\\.aws\\.[\\w.]+);", Pattern.MULTILINE);
    /** The SDK's base exception types, caught or imported, and any imported service exception. */
    private static final Pattern SDK_EXCEPTION = Pattern.compile("\\b(Sdk|SdkClient|SdkService|AwsService)Exception\\b"
            + "|import software\\.amazon\\.awssdk\\.[\\w.]*Exception;");

    /** Top-level package → project packages it may import (itself and the generated protos always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry(
                    "cli",
                    Set.of("config", "spi", "model", "aws", "connector", "sync", "c1z", "provisioning", "simulator")),
            Map.entry("config", Set.of()),
            Map.entry("spi", Set.of()),
            Map.entry("model", Set.of()),
            Map.entry("aws", Set.of("config")),
            Map.entry("connector", Set.of("spi", "model", "aws", "config")),
            Map.entry("sync", Set.of("spi", "model", "c1z", "config")),
            Map.entry("c1z", Set.of()),
            Map.entry("provisioning", Set.of("spi", "model", "c1z", "config")),
            Map.entry("simulator", Set.of()));

    @Test
    void everyPackageImportsOnlyAlongTheArrows() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String from = topPackage(SOURCES.relativize(file).toString().replace('/', '.'));
            Set<String> allowed = ALLOWED.get(from);
            assertTrue(allowed != null, "package " + from + " is not in the dependency table: " + file);
            Matcher imports = IMPORT.matcher(read(file));
            while (imports.find()) {
                String to = topPackage(imports.group(1).substring(ROOT.length() + 1));
                if (!to.equals(from) && !to.equals("proto") && !allowed.contains(to)) {
                    violations.add(file + " imports " + imports.group(1));
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /**
     * Inside a top-level package, which of its own packages each one may import. The top package of
     * {@code connector} is where the resource types are wired together, so it sees its sub-packages; the IAM and
     * Identity Center connectors never see each other; what both need of Organizations lives in
     * {@code connector.organizations}. The simulator's world model and fault switches know nothing of HTTP.
     */
    private static final Map<String, Set<String>> ALLOWED_INSIDE = Map.ofEntries(
            Map.entry(
                    "connector",
                    Set.of(
                            "connector.iam",
                            "connector.identitycenter",
                            "connector.organizations",
                            "connector.permissions")),
            Map.entry("connector.iam", Set.of("connector", "connector.organizations")),
            Map.entry("connector.identitycenter", Set.of("connector", "connector.organizations")),
            Map.entry("connector.organizations", Set.of("connector")),
            Map.entry("connector.permissions", Set.of("connector", "connector.organizations")),
            Map.entry(
                    "simulator",
                    Set.of("simulator.fault", "simulator.protocol", "simulator.service", "simulator.world")),
            Map.entry("simulator.fault", Set.of()),
            Map.entry("simulator.world", Set.of()),
            Map.entry("simulator.protocol", Set.of("simulator.fault", "simulator.world")),
            Map.entry("simulator.service", Set.of("simulator.protocol", "simulator.world", "simulator.fault")),
            Map.entry("c1z", Set.of()),
            Map.entry("c1z.query", Set.of("c1z")),
            Map.entry("sync", Set.of("sync.expand")),
            Map.entry("sync.expand", Set.of()));

    @Test
    void subPackagesImportOnlyAlongTheirArrows() {
        List<String> violations = new ArrayList<>();
        for (Path file : javaFiles()) {
            String from = packageOf(SOURCES.relativize(file).toString().replace('/', '.'));
            Matcher imports = IMPORT.matcher(read(file));
            while (imports.find()) {
                String to = packageOf(imports.group(1).substring(ROOT.length() + 1));
                if (to.equals(from) || !topPackage(to).equals(topPackage(from))) {
                    continue;
                }
                Set<String> allowed = ALLOWED_INSIDE.get(from);
                assertTrue(allowed != null, "package " + from + " is not in the sub-package table: " + file);
                if (!allowed.contains(to)) {
                    violations.add(file + " imports " + imports.group(1));
                }
            }
        }
        assertEquals(List.of(), violations);
        assertEquals("connector.iam", packageOf("connector.iam.IamSyncers"));
        assertEquals("connector", packageOf("connector.AwsConnector"));
        assertTrue(!ALLOWED_INSIDE.get("connector.iam").contains("connector.identitycenter"));
    }

    /** The package of a dotted class name relative to the root: its lower-case segments. */
    private static String packageOf(String dottedClass) {
        StringBuilder name = new StringBuilder();
        for (String segment : dottedClass.split("\\.")) {
            if (segment.isEmpty() || Character.isUpperCase(segment.charAt(0))) {
                break;
            }
            name.append(name.length() == 0 ? "" : ".").append(segment);
        }
        return name.toString();
    }

    /** CONTRIBUTING's rule: every AWS call goes through aws.AwsGateway, which turns SDK failures into its own. */
    @Test
    void connectorsNeverHandleSdkExceptions() {
        List<String> violations = javaFiles().stream()
                .filter(file -> topPackage(SOURCES.relativize(file).toString().replace('/', '.'))
                        .equals("connector"))
                .filter(file -> SDK_EXCEPTION.matcher(read(file)).find())
                .map(Path::toString)
                .toList();
        assertEquals(List.of(), violations, "catch AwsCallException from AwsGateway.call instead");
        assertTrue(SDK_EXCEPTION
                .matcher("} catch (SdkException | IllegalStateException e) {")
                .find());
        assertTrue(SDK_EXCEPTION
                .matcher("} catch (IllegalStateException | AwsServiceException e) {")
                .find());
        assertTrue(SDK_EXCEPTION
                .matcher("import software.amazon.awssdk.services.iam.model.NoSuchEntityException;")
                .find());
    }

    @Test
    void theRuleSeesAViolation() {
        Matcher imports = IMPORT.matcher("import dev.baton.aws.connector.ResourceTypes;\n");
        assertTrue(imports.find());
        assertEquals("connector", topPackage(imports.group(1).substring(ROOT.length() + 1)));
        assertTrue(!ALLOWED.get("sync").contains("connector"), "sync must not see connector");
        assertTrue(!ALLOWED.get("simulator").contains("aws"), "the simulator is independent");
    }

    private static String topPackage(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? dotted : dotted.substring(0, dot);
    }

    private static List<Path> javaFiles() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.getParent() != null && !p.getParent().equals(SOURCES))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
