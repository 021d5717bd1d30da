package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.io.PrintWriter;

/** Writes each event as one formatted line to a writer (the run's stderr). AppenderBase serialises calls. */
final class LineAppender extends AppenderBase<ILoggingEvent> {
    private final PrintWriter out;
    private final LogLineFormatter formatter;

    LineAppender(PrintWriter out, LogLineFormatter formatter) {
        this.out = requireNonNull(out, "out is null");
        this.formatter = requireNonNull(formatter, "formatter is null");
    }

    @Override
    protected void append(ILoggingEvent event) {
        out.println(formatter.format(event));
        out.flush();
    }
}
