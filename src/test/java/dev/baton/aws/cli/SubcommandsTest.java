package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;

/** Stand-in subcommands must not change anything a user can see: help, and which subcommand runs. */
class SubcommandsTest {
    @TempDir
    Path workingDirectory;

    private CommandLine commandLine(List<String> args) {
        CliRun.RecordingWiring wiring = new CliRun.RecordingWiring(typeId -> Set.of(), null);
        return Main.commandLine(
                wiring,
                new ProcessContext(Map.of("BATON_WORKERS", "5"), workingDirectory),
                new LoggingSetup(),
                new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()),
                args);
    }

    @Test
    void rootHelpWithStandInsIsPicocliHelpOfTheFullTree() {
        CommandLine full = commandLine(null);
        CommandLine lazy = commandLine(List.of("--help"));

        for (Ansi ansi : List.of(Ansi.OFF, Ansi.ON)) {
            assertEquals(full.getUsageMessage(ansi), lazy.getUsageMessage(ansi), "ansi " + ansi);
        }
        assertEquals(
                full.getUsageMessage(Ansi.OFF),
                CliRun.run(workingDirectory, Map.of("BATON_WORKERS", "5"), "--help")
                        .out());
        assertEquals(Subcommands.TYPES.size(), lazy.getSubcommands().size());
    }

    @Test
    void withoutASubcommandNameOnlyStandInsAreBuilt() {
        CommandLine lazy = commandLine(List.of("--help", "-f", "out.c1z"));

        for (CommandLine subcommand : lazy.getSubcommands().values()) {
            assertTrue(
                    subcommand.getCommandSpec().options().stream().allMatch(option -> option.inherited()),
                    subcommand.getCommandName() + ": only the root's inherited logging options");
        }
    }

    @Test
    void aSubcommandNameBuildsTheWholeTree() {
        CommandLine full = commandLine(List.of("grant", "--help"));

        assertNotNull(full.getSubcommands().get("grant").getCommandSpec().findOption("--entitlement"));
        assertNotNull(full.getSubcommands().get("demo").getCommandSpec().findOption("--workers"));
    }

    @Test
    void anythingThatMightNameASubcommandCountsAsOne() {
        CommandLine root = commandLine(List.of());

        assertTrue(Subcommands.maySelectSubcommand(root, List.of("-f", "demo")), "an option value, to be safe");
        assertTrue(Subcommands.maySelectSubcommand(root, List.of("@args.txt")), "an argument file");
        assertFalse(Subcommands.maySelectSubcommand(root, List.of("--file=demo", "--help")));
        assertFalse(Subcommands.maySelectSubcommand(root, List.of("Demo")), "names are case-sensitive");
    }

    @Test
    void everySubcommandRunsUnderItsName() {
        for (Class<?> type : Subcommands.TYPES) {
            String name = type.getAnnotation(Command.class).name();

            CliRun run = CliRun.run(workingDirectory, Map.of(), name, "--help");

            assertEquals(0, run.exitCode(), name);
            assertTrue(run.out().startsWith("Usage: baton-aws " + name), run.out());
        }
    }

    @Test
    void aSubcommandNamedInAnArgumentFileRuns() throws Exception {
        java.nio.file.Files.writeString(workingDirectory.resolve("args.txt"), "capabilities\n");

        CliRun run = CliRun.run(workingDirectory, Map.of(), "@" + workingDirectory.resolve("args.txt"));

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("ConnectorCapabilities"), run.out());
    }
}
