package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;

/**
 * Writes each event as one formatted line to a writer (the run's stderr, or a {@code --log-path} file).
 * AppenderBase serialises calls. In live mode (stderr is a terminal and the format is console) progress events are
 * drawn as one status line rewritten in place; other lines clear it first and redraw it after. The terminal
 * control codes go only to that terminal: never to stdout, a file or a pipe.
 */
final class LineAppender extends AppenderBase<ILoggingEvent> {
    private static final String CLEAR_LINE = "\r\u001b[2K";
    /** Progress lines and events are kept this far apart when they are not a live display. */
    static final long PROGRESS_EVERY_MILLIS = 5000;

    private final PrintWriter out;
    private final LogLineFormatter formatter;
    private final boolean live;
    private String status;
    private long lastProgress = Long.MIN_VALUE;

    LineAppender(PrintWriter out, LogLineFormatter formatter, boolean live) {
        this.out = requireNonNull(out, "out is null");
        this.formatter = requireNonNull(formatter, "formatter is null");
        this.live = live;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!live && ProgressEvents.isLiveStatus(event)) {
            if (lastProgress != Long.MIN_VALUE && event.getTimeStamp() - lastProgress < PROGRESS_EVERY_MILLIS) {
                return; // the engine reports every second for a live display; a log needs less
            }
            lastProgress = event.getTimeStamp();
        }
        if (live && ProgressEvents.isLiveStatus(event)) {
            status = formatter.format(event);
            out.print(CLEAR_LINE + status);
            out.flush();
            return;
        }
        if (live && status != null) {
            out.print(CLEAR_LINE);
        }
        out.println(formatter.format(event));
        if (live && status != null && !ProgressEvents.endsStatus(event)) {
            out.print(status);
        }
        if (ProgressEvents.endsStatus(event)) {
            status = null;
        }
        out.flush();
    }
}
