package dev.baton.aws.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommands of {@code baton-aws}, attached so that a run pays only for the model it can use. picocli builds a
 * command's model by reflecting over every option of it and its mixins, and the four write subcommands repeat the
 * root's shared options (~45 each), so building all of them made {@code baton-aws --help} (and every sync) do four
 * times the root's work. When no argument can name a subcommand, the parser cannot select one, so each gets a
 * stand-in holding only what the root's help shows of it, copied from its own {@code @Command} annotation.
 * A new subcommand is one more class in {@link #TYPES}; {@link CommandFactory} hands it its dependencies.
 */
final class Subcommands {
    static final List<Class<?>> TYPES = List.of(
            DemoCommand.class,
            SimulatorCommand.class,
            GrantCommand.class,
            RevokeCommand.class,
            CreateAccountCommand.class,
            DeleteResourceCommand.class,
            CapabilitiesCommand.class,
            ConfigCommand.class,
            CompletionCommand.class,
            VerifyCommand.class,
            ShowCommand.class,
            AccessCommand.class,
            WhoCanCommand.class,
            DiffCommand.class,
            ExportCommand.class,
            PolicyCommand.class,
            CheckCommand.class);

    private Subcommands() {}

    /** Every subcommand, fully built: what {@code completion} and {@code config} read and what tests inspect. */
    static void attachAll(CommandLine root) {
        for (Class<?> type : TYPES) {
            root.addSubcommand(type); // created by the root's factory, as picocli does for @Command(subcommands)
        }
    }

    /**
     * The full tree when {@code args} may select a subcommand, else stand-ins. An {@code @file} argument may hold
     * a subcommand name, so it counts as one; a false positive only costs the time this class saves.
     */
    static void attachFor(CommandLine root, List<String> args) {
        if (maySelectSubcommand(root, args)) {
            attachAll(root);
            return;
        }
        for (Class<?> type : TYPES) {
            Command command = type.getAnnotation(Command.class);
            root.addSubcommand(command.name(), standIn(command));
        }
    }

    static boolean maySelectSubcommand(CommandLine root, List<String> args) {
        for (String arg : args) {
            if (root.isExpandAtFiles() && arg.startsWith("@")) {
                return true;
            }
            for (Class<?> type : TYPES) {
                Command command = type.getAnnotation(Command.class);
                if (command.name().equals(arg) || List.of(command.aliases()).contains(arg)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The parts of a subcommand that the parent's usage help renders: name, aliases, header and description. */
    private static CommandSpec standIn(Command command) {
        CommandSpec spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
        spec.usageMessage()
                .header(command.header())
                .description(command.description())
                .hidden(command.hidden());
        return spec;
    }
}
