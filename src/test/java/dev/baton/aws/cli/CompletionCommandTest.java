package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir
    Path workingDirectory;

    @Test
    void printsABashCompletionScriptForEveryCommand() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "completion");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.out().startsWith("#!/usr/bin/env bash"),
                run.out().lines().findFirst().orElse(""));
        assertTrue(run.out().contains("complete -F _complete_baton-aws"), "registers the completion function");
        assertTrue(run.out().contains("--global-aws-sso-region"));
        assertTrue(run.out().contains("capabilities"));
        assertTrue(run.out().contains("us-east-2"), "select values complete too");
    }

    @Test
    void zshLoadsTheScriptThroughBashcompinit() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "completion", "zsh");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(
                run.out().startsWith("#compdef baton-aws\n"),
                run.out().lines().findFirst().orElse(""));
        assertTrue(run.out().contains("bashcompinit") && run.out().contains("--sync-resources"));
    }

    @Test
    void fishCompletesSubcommandsOptionsAndValues() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "completion", "fish");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("complete -c baton-aws -n '__fish_use_subcommand' -a grant -d"), run.out());
        assertTrue(run.out().contains("-n '__fish_seen_subcommand_from grant' -l principal -r"), run.out());
        assertTrue(
                run.out().lines().anyMatch(line -> line.contains(" -l global-aws-sso-region -x -a 'us-east-2 ")),
                "select values complete too");
        assertTrue(
                run.out()
                        .lines()
                        .filter(line -> line.startsWith("complete "))
                        .allMatch(line -> line.replace("\\'", "")
                                                .chars()
                                                .filter(c -> c == '\'')
                                                .count()
                                        % 2
                                == 0),
                "every quote is closed");
    }

    @Test
    void anUnknownShellIsAUsageError() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "completion", "powershell");

        assertEquals(2, run.exitCode());
        assertEquals(
                java.util.List.of("baton-aws: completion: unknown shell 'powershell'; use one of bash, zsh," + " fish"),
                run.errLines());
    }
}
