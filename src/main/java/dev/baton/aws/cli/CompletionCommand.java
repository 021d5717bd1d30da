package dev.baton.aws.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton-aws completion [bash|zsh|fish]}: prints a completion script for every command and option. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        description = {
            "Print a shell completion script. Load it with:",
            "  bash: source <(baton-aws completion bash)",
            "  zsh:  source <(baton-aws completion zsh)",
            "  fish: baton-aws completion fish | source"
        })
final class CompletionCommand implements Callable<Integer> {
    static final List<String> SHELLS = List.of("bash", "zsh", "fish");

    @Parameters(
            arity = "0..1",
            paramLabel = "SHELL",
            defaultValue = "bash",
            completionCandidates = Shells.class,
            description = "bash (default), zsh or fish")
    private String shell = "bash";

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String name = spec.root().name();
        CommandLine root = spec.root().commandLine();
        String script = switch (shell.toLowerCase(Locale.ROOT)) {
            case "bash" -> AutoComplete.bash(name, root);
            // zsh runs the bash script through its bash-completion compatibility layer
            case "zsh" ->
                "#compdef " + name + "\nautoload -U +X compinit && compinit\n"
                        + "autoload -U +X bashcompinit && bashcompinit\n" + AutoComplete.bash(name, root);
            case "fish" -> fish(spec.root());
            default ->
                throw new ConfigException(
                        "completion: unknown shell '" + shell + "'; use one of " + String.join(", ", SHELLS));
        };
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** fish's {@code complete} lines: the subcommands, then each command's options, each with its description. */
    static String fish(CommandSpec root) {
        String name = root.name();
        Map<String, CommandLine> subcommands = root.subcommands();
        String anySubcommand = String.join(" ", subcommands.keySet());
        StringBuilder script = new StringBuilder("# fish completion for ")
                .append(name)
                .append('\n')
                .append("complete -c ")
                .append(name)
                .append(" -f\n");
        for (Map.Entry<String, CommandLine> entry : subcommands.entrySet()) {
            script.append("complete -c ")
                    .append(name)
                    .append(" -n '__fish_use_subcommand' -a ")
                    .append(entry.getKey())
                    .append(" -d ")
                    .append(quoted(firstLine(entry.getValue().getCommandSpec())))
                    .append('\n');
        }
        appendOptions(script, name, root, "not __fish_seen_subcommand_from " + anySubcommand);
        for (Map.Entry<String, CommandLine> entry : subcommands.entrySet()) {
            appendOptions(
                    script, name, entry.getValue().getCommandSpec(), "__fish_seen_subcommand_from " + entry.getKey());
        }
        return script.toString();
    }

    private static void appendOptions(StringBuilder script, String name, CommandSpec command, String condition) {
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            script.append("complete -c ")
                    .append(name)
                    .append(" -n '")
                    .append(condition)
                    .append('\'');
            for (String flag : option.names()) {
                script.append(flag.startsWith("--") ? " -l " + flag.substring(2) : " -s " + flag.substring(1));
            }
            if (option.arity().max() > 0 && option.type() != boolean.class) {
                List<String> values = new ArrayList<>();
                if (option.completionCandidates() != null) {
                    option.completionCandidates().forEach(values::add);
                }
                script.append(values.isEmpty() ? " -r" : " -x -a " + quoted(String.join(" ", values)));
            }
            String description = String.join(" ", option.description());
            if (!description.isEmpty()) {
                script.append(" -d ").append(quoted(description));
            }
            script.append('\n');
        }
    }

    private static String firstLine(CommandSpec command) {
        String[] description = command.usageMessage().description();
        return description.length == 0 ? "" : description[0];
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Completion candidates of the shell argument. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return SHELLS.iterator();
        }
    }
}
