package dev.baton.aws.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The IAM, Organizations and STS table of {@code docs/aws-calls.md} names, for every operation, the tests that answer
 * it with only the members AWS's model requires. Every class it names must exist among the test sources, and a
 * method it names (a prefix ending in "…") must start a test method of that class, so the table cannot name a test
 * that was renamed or deleted.
 */
class AwsCallsDocTest {
    private static final String HEADING = "## Operations and the members the code relies on";
    private static final Pattern TEST = Pattern.compile("\\b([A-Z]\\w*Test)(?:\\.(\\w+)(…)?)?");
    private static final Path TESTS = Path.of("src", "test", "java");

    @Test
    void everyOperationRowNamesTestsThatExist() throws IOException {
        List<String> rows = tableRows();
        assertTrue(rows.size() >= 15, "the table lost rows: " + rows.size());
        for (String row : rows) {
            String[] cells = row.split("\\|");
            Matcher matcher = TEST.matcher(cells[3]);
            boolean named = false;
            while (matcher.find()) {
                named = true;
                List<Path> sources = sourcesOf(matcher.group(1));
                assertFalse(sources.isEmpty(), "no test class " + matcher.group(1) + " for" + cells[1]);
                if (matcher.group(2) != null) {
                    String method = "void " + matcher.group(2) + (matcher.group(3) == null ? "(" : "");
                    assertTrue(anyContains(sources, method), matcher.group(0) + " is not a test method");
                }
            }
            assertTrue(named, "no test named for" + cells[1]);
        }
    }

    private static List<String> tableRows() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs", "aws-calls.md"));
        int start = lines.indexOf(HEADING);
        assertTrue(start >= 0, "no section " + HEADING);
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("#")) {
                break;
            }
            if (line.startsWith("| ") && line.matches("\\| (iam|organizations|sts):.*")) {
                rows.add(line);
            }
        }
        return rows;
    }

    private static List<Path> sourcesOf(String testClass) throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(file -> file.getFileName().toString().equals(testClass + ".java"))
                    .toList();
        }
    }

    private static boolean anyContains(List<Path> sources, String text) throws IOException {
        for (Path source : sources) {
            if (Files.readString(source).contains(text)) {
                return true;
            }
        }
        return false;
    }
}
