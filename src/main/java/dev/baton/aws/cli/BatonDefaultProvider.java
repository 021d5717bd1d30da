package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The second and third source of every option: {@code BATON_<FLAG>} environment variables, then the keys of
 * {@code .baton.yaml}. One naming rule for all flags (the option's longest name, upper case, {@code -} to
 * {@code _}) instead of a hand-typed variable per option, so the help section, the error messages and the
 * lookup cannot disagree. Precedence: flag > environment > file > the option's own default.
 */
final class BatonDefaultProvider implements IDefaultValueProvider {
    static final String CONFIG_PATH_VARIABLE = "BATON_CONFIG_PATH";
    static final String DEFAULT_CONFIG_FILE = ".baton.yaml";

    private final Map<String, String> environment;
    private final Map<String, String> fileValues;

    private BatonDefaultProvider(Map<String, String> environment, Map<String, String> fileValues) {
        this.environment = requireNonNull(environment, "environment is null");
        this.fileValues = requireNonNull(fileValues, "fileValues is null");
    }

    /**
     * Reads the config file now, so a broken file is reported before parsing starts. A missing
     * {@code ./.baton.yaml} is fine; a missing file named by {@code BATON_CONFIG_PATH} is not.
     */
    static BatonDefaultProvider load(ProcessContext context) {
        String configured = context.environment().getOrDefault(CONFIG_PATH_VARIABLE, "");
        if (configured.isEmpty()) {
            Path file = context.workingDirectory().resolve(DEFAULT_CONFIG_FILE);
            Map<String, String> values =
                    Files.isRegularFile(file) ? readYaml(file, "./" + DEFAULT_CONFIG_FILE) : Map.of();
            return new BatonDefaultProvider(context.environment(), values);
        }
        if (!configured.endsWith(".yaml") && !configured.endsWith(".yml")) {
            throw new ConfigException(CONFIG_PATH_VARIABLE + ": '" + configured + "' must name a .yaml or .yml file");
        }
        Path file = context.workingDirectory().resolve(configured);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(CONFIG_PATH_VARIABLE + ": file '" + configured + "' does not exist");
        }
        return new BatonDefaultProvider(context.environment(), readYaml(file, configured));
    }

    /** {@code --global-region} or {@code global-region} → {@code BATON_GLOBAL_REGION}. */
    static String environmentVariable(String flag) {
        return "BATON_" + stripDashes(flag).toUpperCase(Locale.ROOT).replace('-', '_');
    }

    static String environmentVariable(OptionSpec option) {
        return environmentVariable(option.longestName());
    }

    /**
     * Keys of the config file that name no option of {@code command}. They are ignored, as the baton SDK does
     * (a shared file may hold SDK-only settings), but reported so that a misspelt key is not silently lost.
     */
    List<String> unknownFileKeys(CommandSpec command) {
        return fileValues.keySet().stream()
                .filter(key -> command.findOption(key) == null)
                .toList();
    }

    /** Help and version flags are not configuration: they have no variable and no file key. */
    static boolean isConfigurable(OptionSpec option) {
        return !option.usageHelp() && !option.versionHelp();
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option) || !isConfigurable(option)) {
            return null;
        }
        String fromEnvironment = environment.get(environmentVariable(option));
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        return fileValues.get(stripDashes(option.longestName()));
    }

    private static String stripDashes(String flag) {
        int start = 0;
        while (start < flag.length() && flag.charAt(start) == '-') {
            start++;
        }
        return flag.substring(start);
    }

    private static Map<String, String> readYaml(Path file, String shownName) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(file.toFile());
        } catch (IOException e) {
            String reason = e.getMessage() == null
                    ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new ConfigException(shownName + ": not valid YAML: " + reason);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return Map.of();
        }
        if (!root.isObject()) {
            throw new ConfigException(shownName + ": expected a map of flag names to values");
        }
        Map<String, String> values = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            if (entry.getValue().isNull()) {
                continue; // "key:" with no value reads as unset, like an empty environment variable
            }
            String text = scalarText(entry.getValue());
            if (text == null) {
                throw new ConfigException(
                        shownName + ": key '" + entry.getKey() + "' must be a scalar or a list of scalars");
            }
            values.put(stripDashes(entry.getKey()), text);
        }
        return values;
    }

    /** Scalars as text, lists joined with commas (how list flags read environment values too), else null. */
    private static String scalarText(JsonNode node) {
        if (node.isValueNode()) {
            return node.asText();
        }
        if (!node.isArray()) {
            return null;
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isValueNode()) {
                return null;
            }
            items.add(item.asText());
        }
        return String.join(",", items);
    }
}
