package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.provisioning.EditDistance;
import java.io.PrintWriter;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr (two when there is advice, see {@link ErrorLines}) and an exit
 * code: 2 for bad input (unparsable arguments and {@link ConfigException}), 1 for anything that failed while
 * running. The stack trace is logged only at debug level, because a one-line message is what a user can act on
 * and a trace is what a bug report needs.
 */
final class FailureReporter
        implements IParameterExceptionHandler, IExecutionExceptionHandler, IExitCodeExceptionMapper {
    private static final String PREFIX = ErrorLines.PREFIX;
    private static final String INVALID_VALUE = "Invalid value for option '";
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private final LoggingSetup logging;

    FailureReporter(LoggingSetup logging) {
        this.logging = requireNonNull(logging, "logging is null");
    }

    /** Prints a {@link ConfigException} thrown before picocli runs (the config file), the same way as others. */
    static int reportUsage(PrintWriter err, ConfigException failure) {
        err.println(PREFIX + ErrorLines.withoutPrefix(failure.getMessage()));
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleParseException(ParameterException failure, String[] args) {
        PrintWriter err = failure.getCommandLine().getErr();
        err.println(PREFIX + ErrorLines.withoutPrefix(describe(failure)));
        err.flush();
        return ExitCode.USAGE;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        ErrorLines.of(failure).forEach(err::println);
        err.flush();
        if (!(failure instanceof ConfigException) && logging.debugEnabled()) {
            LoggerFactory.getLogger(Main.class).debug("stack trace of the failure above", failure);
        }
        return getExitCode(failure);
    }

    @Override
    public int getExitCode(Throwable failure) {
        return failure instanceof ConfigException || failure instanceof ParameterException
                ? ExitCode.USAGE
                : ExitCode.SOFTWARE;
    }

    /** picocli's message, with the option renamed to "--flag (BATON_FLAG)" so env-supplied values are findable. */
    private static String describe(ParameterException failure) {
        String message = ErrorLines.oneLine(failure);
        if (failure instanceof UnmatchedArgumentException unmatched) {
            String suggestion = closestOption(unmatched)
                    .map(name -> "; did you mean " + name + "?")
                    .orElse("");
            return message + suggestion + " (see baton-aws --help)";
        }
        if (failure instanceof MissingParameterException missing
                && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof OptionSpec option) {
            return ConfigException.label(option.longestName()) + ": needs a value";
        }
        if (!(failure.getArgSpec() instanceof OptionSpec option)) {
            return message;
        }
        String label = ConfigException.label(option.longestName());
        if (message.startsWith(INVALID_VALUE)) {
            int end = message.indexOf("': ", INVALID_VALUE.length());
            if (end > 0) {
                return label + ": " + message.substring(end + 3);
            }
        }
        return label + ": " + message;
    }

    /**
     * The option name nearest to the first unknown one, if it is close enough to be a typo: at most 3 edits, and
     * fewer for short names so that "--foo" does not suggest "--file".
     */
    private static Optional<String> closestOption(UnmatchedArgumentException unmatched) {
        Optional<String> unknown = unmatched.getUnmatched().stream()
                .filter(arg -> arg.startsWith("--"))
                .findFirst()
                .map(arg -> arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        String best = null;
        int bestDistance = Math.min(MAX_SUGGESTION_DISTANCE, unknown.get().length() / 4) + 1;
        for (OptionSpec option : unmatched.getCommandLine().getCommandSpec().options()) {
            int distance = EditDistance.bounded(unknown.get(), option.longestName(), bestDistance);
            if (distance < bestDistance) {
                best = option.longestName();
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }
}
