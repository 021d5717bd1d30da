package dev.baton.aws.connector.identitycenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.baton.aws.aws.AwsOperation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The "IAM Identity Center" section of the AWS calls document ({@code docs/aws-calls-identity-center.md}, or that
 * section of {@code docs/aws-calls.md} once the two are one file) lists exactly the operations of
 * {@link SsoOperations}, and every test it names exists, so the table cannot drift from the code.
 */
class IdentityCenterCallsDocTest {
    private static final String HEADING = "## IAM Identity Center";
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theTableListsEveryOperationOnceWithTestsThatExist() throws Exception {
        List<String> operations = new ArrayList<>();
        for (String row : section()) {
            String[] cells = row.split("\\|");
            if (cells.length < 5 || !cells[1].trim().startsWith("`")) {
                continue;
            }
            operations.add(cells[1].trim().replace("`", ""));
            List<String> tests = codeIn(cells[4]);
            assertTrue(!tests.isEmpty(), "no test named for " + cells[1].trim());
            String testClass = null;
            for (String test : tests) {
                int dot = test.indexOf('.');
                if (dot > 0) {
                    testClass = test.substring(0, dot);
                    assertMethodExists(testClass, test.substring(dot + 1));
                } else if (Character.isUpperCase(test.charAt(0))) {
                    testClass = test;
                    Class.forName(getClass().getPackageName() + "." + test);
                } else {
                    assertMethodExists(testClass, test);
                }
            }
        }
        assertEquals(SsoOperations.all().stream().map(AwsOperation::action).toList(), operations);
    }

    /** The lines of the section, up to the next heading of the same level. */
    private static List<String> section() throws Exception {
        Path separate = Path.of("docs", "aws-calls-identity-center.md");
        List<String> lines = Files.readAllLines(Files.exists(separate) ? separate : Path.of("docs", "aws-calls.md"));
        int start = lines.indexOf(HEADING);
        assertTrue(start >= 0, "no section " + HEADING);
        int end = start + 1;
        while (end < lines.size() && !lines.get(end).startsWith("## ")) {
            end++;
        }
        return lines.subList(start + 1, end);
    }

    private static List<String> codeIn(String cell) {
        List<String> code = new ArrayList<>();
        Matcher matcher = CODE.matcher(cell);
        while (matcher.find()) {
            code.add(matcher.group(1));
        }
        return code;
    }

    private void assertMethodExists(String testClass, String method) throws ClassNotFoundException {
        Class<?> type = Class.forName(getClass().getPackageName() + "." + testClass);
        assertTrue(
                Arrays.stream(type.getDeclaredMethods())
                        .anyMatch(m -> m.getName().equals(method)),
                testClass + "." + method + " does not exist");
    }
}
