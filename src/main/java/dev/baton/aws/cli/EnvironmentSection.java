package dev.baton.aws.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.IHelpSectionRenderer;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The "Environment variables" section of {@code --help}, generated with the same naming rule the default value
 * provider uses, so the documented variable is always the one that is read. It lists names only: printing values
 * would show secrets taken from the environment.
 */
final class EnvironmentSection implements IHelpSectionRenderer {
    private static final String KEY = "environmentVariables";

    /** On {@code command} and every subcommand: each help lists the variables of its own options. */
    static void install(CommandLine command) {
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        if (!keys.contains(KEY)) {
            keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), KEY);
            command.setHelpSectionKeys(keys); // picocli passes the keys on to the subcommands, not the map
        }
        command.getHelpSectionMap().put(KEY, new EnvironmentSection());
        for (CommandLine subcommand : command.getSubcommands().values()) {
            install(subcommand);
        }
    }

    /** Plain loops and padding, not streams and String.format: this runs on every {@code --help}, in a cold JVM. */
    @Override
    public String render(Help help) {
        List<OptionSpec> options = new ArrayList<>();
        int width = BatonDefaultProvider.CONFIG_PATH_VARIABLE.length();
        for (OptionSpec option : help.commandSpec().options()) {
            if (BatonDefaultProvider.isConfigurable(option) && !option.hidden()) {
                options.add(option);
                width = Math.max(
                        width, BatonDefaultProvider.environmentVariable(option).length());
            }
        }
        String newline = System.lineSeparator();
        StringBuilder section = new StringBuilder(newline)
                .append("Environment variables (each option also reads BATON_<OPTION> and the key <option> of")
                .append(" .baton.yaml;")
                .append(newline)
                .append("precedence: flag > environment > .baton.yaml > default):")
                .append(newline);
        for (OptionSpec option : options) {
            row(section, width, BatonDefaultProvider.environmentVariable(option), option.longestName());
        }
        row(
                section,
                width,
                BatonDefaultProvider.CONFIG_PATH_VARIABLE,
                "YAML file with option values (.yaml or .yml); default ./" + BatonDefaultProvider.DEFAULT_CONFIG_FILE);
        return section.toString();
    }

    private static void row(StringBuilder section, int width, String variable, String description) {
        section.append("  ")
                .append(variable)
                .append(" ".repeat(width - variable.length() + 2))
                .append(description)
                .append(System.lineSeparator());
    }
}
