package dev.baton.aws.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.io.PrintWriter;
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
            LineAppender appender = new LineAppender(err, new LogLineFormatter(config.format()));
            appender.setContext(context);
            appender.setName("stderr");
            appender.start();
            Level level = Level.toLevel(config.level().name());
            Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
            root.setLevel(level);
            root.addAppender(appender);
            context.getLogger(AWS_SDK_LOGGER).setLevel(level.isGreaterOrEqual(Level.INFO) ? level : Level.INFO);
            return true;
        }
    }
}
