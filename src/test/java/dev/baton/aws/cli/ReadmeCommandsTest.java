package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code baton-aws} command in the README's shell blocks parses and validates as written: a command that
 * calls AWS reaches the runner with exit code 0 (the runner here records instead of calling AWS); a command that
 * only reads files or prints ({@link #OFFLINE}) runs for real against a file of two demo syncs. The commands the
 * README shows with {@code java -jar target/baton-aws.jar} are run for real by other tests (demo, simulator).
 */
class ReadmeCommandsTest {
    /** Subcommands that neither call AWS nor reach the runner. */
    private static final Set<String> OFFLINE =
            Set.of("policy", "diff", "show", "access", "who-can", "export", "verify");
    /** {@code diff --exit-code} says "something changed" with 3. */
    private static final int CHANGED = 3;

    @TempDir
    static Path syncedDirectory;

    @BeforeAll
    static void twoDemoSyncs() throws IOException {
        for (int i = 0; i < 2; i++) {
            CliRun demo = CliRun.runProduction(syncedDirectory, Map.of(), "demo", "-f", "sync.c1z");
            assertEquals(0, demo.exitCode(), demo.err());
        }
        Files.copy(syncedDirectory.resolve("sync.c1z"), syncedDirectory.resolve("old.c1z"));
    }

    private static final Path README = Path.of("README.md");
    /** Shell variables the README's commands use, with values of the right shape. */
    private static final Map<String, String> VARIABLES = Map.of("$EXTERNAL_ID", "example-external-id-0123");

    @TempDir
    Path workingDirectory;

    static Stream<String> readmeCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        boolean inShell = false;
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(README)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                inShell = !inShell && trimmed.equals("```sh");
                continue;
            }
            if (!inShell || (current.length() == 0 && !trimmed.startsWith("baton-aws "))) {
                continue;
            }
            current.append(trimmed.endsWith("\\") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            if (!trimmed.endsWith("\\")) {
                commands.add(current.toString().strip());
                current.setLength(0);
            }
        }
        return commands.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readmeCommands")
    void runsAsWritten(String command) {
        List<String> words = words(command);
        assertEquals("baton-aws", words.get(0));
        String[] args = words.subList(1, words.size()).toArray(String[]::new);
        if (OFFLINE.contains(words.get(1))) {
            CliRun run = CliRun.runProduction(syncedDirectory, Map.of(), args);
            boolean exitCodeSaysChanged = words.contains("--exit-code") && run.exitCode() == CHANGED;
            assertTrue(run.exitCode() == 0 || exitCodeSaysChanged, run.exitCode() + ": " + run.err());
            assertTrue(!run.out().isBlank() || words.contains("--out"), "printed nothing: " + run.err());
            return;
        }
        CliRun run = CliRun.run(workingDirectory, Map.of(), args);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(1, run.runs().size(), "reached the runner: " + run.err());
    }

    @org.junit.jupiter.api.Test
    void theReadmeShowsTheCommandsThisTestRuns() throws IOException {
        List<String> commands = readmeCommands().toList();
        assertTrue(commands.size() >= 10, commands.toString());
        assertTrue(commands.stream().anyMatch(command -> command.startsWith("baton-aws grant -p --global-aws-orgs")));
    }

    /** POSIX-shell words: single and double quotes, known variables expanded, comments dropped. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote == 0 && c == '#' && word == null) {
                break;
            }
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(expand(word.toString()));
                    word = null;
                }
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            } else {
                word.append(c);
            }
        }
        if (word != null) {
            words.add(expand(word.toString()));
        }
        return words;
    }

    private static String expand(String word) {
        String expanded = word;
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            expanded = expanded.replace(variable.getKey(), variable.getValue());
        }
        return expanded;
    }
}
