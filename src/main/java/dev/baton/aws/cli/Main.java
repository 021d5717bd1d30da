package dev.baton.aws.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.List;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;

/**
 * Entry point. Only {@link #main} exits the JVM; {@link #run} returns the exit code (0 OK, 1 failure, 2 bad
 * input) so tests and other launchers can call it with their own writers, environment and working directory.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
        System.exit(run(
                ConnectorWiring.production(OutputGuard.withStopSignals(err)),
                ProcessContext.fromSystem(),
                out,
                err,
                args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(ConnectorWiring.production(), ProcessContext.fromSystem(), out, err, args);
    }

    public static int run(Wiring wiring, ProcessContext context, PrintWriter out, PrintWriter err, String... args) {
        LoggingSetup logging = new LoggingSetup();
        int exitCode;
        try {
            exitCode = commandLine(wiring, context, logging, out, err, List.of(args))
                    .execute(args);
        } catch (ConfigException e) {
            exitCode = FailureReporter.reportUsage(err, e); // the config file, read before parsing starts
        }
        out.flush();
        err.flush();
        return exitCode;
    }

    /** The full command tree, every subcommand built: what tests inspect. */
    static CommandLine commandLine(
            Wiring wiring, ProcessContext context, LoggingSetup logging, PrintWriter out, PrintWriter err) {
        return commandLine(wiring, context, logging, out, err, null);
    }

    /**
     * The single place where the command tree, its value sources and its failure handling are put together. With
     * {@code args}, only the subcommands those arguments can select are built ({@link Subcommands}); null builds all.
     */
    static CommandLine commandLine(
            Wiring wiring,
            ProcessContext context,
            LoggingSetup logging,
            PrintWriter out,
            PrintWriter err,
            List<String> args) {
        FailureReporter failures = new FailureReporter(logging);
        CommandFactory factory = new CommandFactory(wiring, context);
        CommandLine commandLine = new CommandLine(new BatonAwsCommand(wiring, context), factory);
        if (args == null) {
            Subcommands.attachAll(commandLine);
        } else {
            Subcommands.attachFor(commandLine, args);
        }
        BatonDefaultProvider defaults = BatonDefaultProvider.load(context);
        // help goes to stdout, which holds results only: never terminal colour codes, whatever picocli detects
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setDefaultValueProvider(defaults);
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        commandLine.setExitCodeExceptionMapper(failures);
        commandLine.setExecutionStrategy(new LoggingFirst(logging, defaults, err));
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            WriteOptions.hideSyncOnlyOptions(subcommand.getCommandSpec());
        }
        EnvironmentSection.install(commandLine); // and every subcommand: each lists the variables of its options
        return commandLine;
    }

    /**
     * Configures logging from the root's options before the chosen command runs; help and version skip it. A class
     * and a loop rather than a lambda and a stream: on {@code --help} they would be the first of either in the
     * JVM, and bootstrapping those costs a cold start tens of milliseconds.
     */
    private static final class LoggingFirst implements IExecutionStrategy {
        private final LoggingSetup logging;
        private final BatonDefaultProvider defaults;
        private final PrintWriter err;

        LoggingFirst(LoggingSetup logging, BatonDefaultProvider defaults, PrintWriter err) {
            this.logging = logging;
            this.defaults = defaults;
            this.err = err;
        }

        @Override
        public int execute(ParseResult parseResult) {
            for (CommandLine command : parseResult.asCommandLineList()) {
                if (command.isUsageHelpRequested() || command.isVersionHelpRequested()) {
                    return new RunLast().execute(parseResult);
                }
            }
            CommandLine root = parseResult.commandSpec().commandLine();
            BatonAwsCommand command = root.getCommand();
            try {
                logging.configure(command.loggingConfig(), err);
            } catch (ConfigException e) {
                throw new ExecutionException(root, e.getMessage(), e);
            }
            for (String key : defaults.unknownFileKeys(root.getCommandSpec())) {
                LoggerFactory.getLogger(Main.class)
                        .warn("ignoring config file key '{}': baton-aws has no --{} option", key, key);
            }
            return new RunLast().execute(parseResult);
        }
    }
}
