package dev.baton.aws.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.baton.aws.sync.ProgressSink;
import dev.baton.aws.sync.SyncSummary;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * Progress and the end summary of a sync as log events of one logger: structured fields in JSON logs, the
 * human text ({@value #DISPLAY_KEY}) in console logs, and on a terminal a live status line. One path for all
 * three, so JSON mode never mixes in plain text.
 */
final class ProgressEvents {
    static final String LOGGER = "baton-aws.progress";
    /** The key holding a console rendering; JSON leaves it out, the console prints it instead of msg and keys. */
    static final String DISPLAY_KEY = "display";

    private static final String PROGRESS_MESSAGE = "sync progress";
    private static final String SUMMARY_MESSAGE = "sync finished";

    private final Logger log = LoggerFactory.getLogger(LOGGER);

    ProgressSink sink() {
        return progress -> event(PROGRESS_MESSAGE, progress.fields(), progress.render());
    }

    void summary(SyncSummary summary) {
        event(SUMMARY_MESSAGE, summary.fields(), summary.render().stripTrailing());
    }

    void wrote(String what, Object file) {
        log.atInfo().addKeyValue("file", String.valueOf(file)).log(what);
    }

    private void event(String message, Map<String, Object> fields, String display) {
        LoggingEventBuilder event = log.atInfo();
        fields.forEach(event::addKeyValue);
        event.addKeyValue(DISPLAY_KEY, display).log(message);
    }

    static boolean isLiveStatus(ILoggingEvent event) {
        return LOGGER.equals(event.getLoggerName()) && PROGRESS_MESSAGE.equals(event.getMessage());
    }

    static boolean endsStatus(ILoggingEvent event) {
        return LOGGER.equals(event.getLoggerName()) && SUMMARY_MESSAGE.equals(event.getMessage());
    }
}
