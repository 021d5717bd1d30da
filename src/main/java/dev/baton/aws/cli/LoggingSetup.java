package dev.baton.aws.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Configures logback once per run, in code: one appender that writes formatted lines to the run's stderr. Done
 * here rather than with a logback.xml or system properties so level and format come from the same flags,
 * environment and file as every other option, and so tests can capture the output.
 */
final class LoggingSetup {
    private boolean debug;

    void configure(LoggingConfig config, PrintWriter err) {
        debug = Logback.install(config, err) && config.level() == LoggingConfig.Level.DEBUG;
    }

    boolean debugEnabled() {
        return debug;
    }

    /**
     * Everything that touches logback types. A separate class because verifying a method that passes logback
     * objects around loads logback's classes; kept apart, {@code --help}, {@code --version} and usage errors,
     * which never configure logging, load none of them.
     */
    private static final class Logback {
        /** The AWS SDK logs request details at debug; capped at info so no signed header or token can reach stderr. */
        private static final String AWS_SDK_LOGGER = "software.amazon.awssdk";

        private Logback() {}

        /** False, leaving logging alone, when another SLF4J provider is bound (an embedding application's choice). */
        static boolean install(LoggingConfig config, PrintWriter err) {
            ILoggerFactory factory = LoggerFactory.getILoggerFactory();
            if (!(factory instanceof LoggerContext context)) {
                return false;
            }
            context.reset();
            Level level = Level.toLevel(config.level().name());
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(level);
            root.addAppender(appender(context, "stderr", err, config.format(), config.liveProgress()));
            for (Path file : config.logPaths()) {
                root.addAppender(appender(context, file.toString(), fileWriter(file), config.format(), false));
            }
            context.getLogger(AWS_SDK_LOGGER).setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
            return true;
        }

        private static LineAppender appender(
                LoggerContext context, String name, PrintWriter out, LoggingConfig.Format format, boolean live) {
            LineAppender appender = new LineAppender(out, new LogLineFormatter(format), live);
            appender.setContext(context);
            appender.setName(name);
            appender.start();
            return appender;
        }

        /** Appends, as the SDK's log files do; the file stays open until the process ends. */
        private static PrintWriter fileWriter(Path file) {
            try {
                return new PrintWriter(Files.newBufferedWriter(
                        file,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND,
                        StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw ConfigException.invalid("--log-path", "cannot open '" + file + "': " + e.getMessage());
            }
        }
    }
}
