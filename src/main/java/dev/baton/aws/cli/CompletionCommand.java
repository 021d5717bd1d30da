package dev.baton.aws.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code baton-aws completion}: prints a bash (and zsh-compatible) completion script for every command. */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = "Print a bash completion script; load it with: source <(baton-aws completion)")
final class CompletionCommand implements Callable<Integer> {
    @Spec private CommandSpec spec;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
