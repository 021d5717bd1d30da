package dev.baton.aws.cli;

/**
 * Bad input from a flag, an environment variable or {@code .baton.yaml}: exit code 2 and one line on stderr.
 * Every message names the flag and its environment variable, and says what would be valid. Messages never
 * contain the value of a secret option.
 */
final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ConfigException(String message) {
        super(message);
    }

    /** {@code --flag (BATON_FLAG): problem}. */
    static ConfigException invalid(String flag, String problem) {
        return new ConfigException(label(flag) + ": " + problem);
    }

    /** {@code --flag requires --other (BATON_OTHER)}. */
    static ConfigException requires(String flag, String required) {
        return new ConfigException(flag + " requires " + label(required));
    }

    /** {@code --flag (BATON_FLAG)}: how messages name an option. */
    static String label(String flag) {
        return flag + " (" + BatonDefaultProvider.environmentVariable(flag) + ")";
    }
}
