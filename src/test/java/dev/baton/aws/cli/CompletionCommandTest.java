package dev.baton.aws.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @TempDir Path workingDirectory;

    @Test
    void printsABashCompletionScriptForEveryCommand() {
        CliRun run = CliRun.run(workingDirectory, Map.of(), "completion");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out().lines().findFirst().orElse(""));
        assertTrue(run.out().contains("complete -F _complete_baton-aws"), "registers the completion function");
        assertTrue(run.out().contains("--global-aws-sso-region"));
        assertTrue(run.out().contains("capabilities"));
        assertTrue(run.out().contains("us-east-2"), "select values complete too");
    }
}
