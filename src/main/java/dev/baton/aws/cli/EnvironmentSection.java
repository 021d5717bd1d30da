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

    static void install(CommandLine command) {
        command.getHelpSectionMap().put(KEY, new EnvironmentSection());
        List<String> keys = new ArrayList<>(command.getHelpSectionKeys());
        keys.add(keys.indexOf(UsageMessageSpec.SECTION_KEY_FOOTER_HEADING), KEY);
        command.setHelpSectionKeys(keys);
    }

    @Override
    public String render(Help help) {
        List<OptionSpec> options = help.commandSpec().options().stream()
                .filter(BatonDefaultProvider::isConfigurable).toList();
        int width = BatonDefaultProvider.CONFIG_PATH_VARIABLE.length();
        for (OptionSpec option : options) {
            width = Math.max(width, BatonDefaultProvider.environmentVariable(option).length());
        }
        StringBuilder section = new StringBuilder(String.format("%nEnvironment variables (each option also reads"
                + " BATON_<OPTION> and the key <option> of .baton.yaml;%nprecedence: flag > environment >"
                + " .baton.yaml > default):%n"));
        String row = "  %-" + width + "s  %s%n";
        for (OptionSpec option : options) {
            section.append(String.format(row, BatonDefaultProvider.environmentVariable(option),
                    option.longestName()));
        }
        section.append(String.format(row, BatonDefaultProvider.CONFIG_PATH_VARIABLE,
                "YAML file with option values (.yaml or .yml); default ./" + BatonDefaultProvider.DEFAULT_CONFIG_FILE));
        return section.toString();
    }
}
