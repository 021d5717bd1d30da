package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * Formats a log event as a console line ({@code time LEVEL logger: message key=value}) or as one JSON object with
 * the keys of zap's production encoder, which log pipelines reading Go connectors (baton SDK) expect: {@code level},
 * {@code ts} (seconds since the epoch), {@code logger}, {@code caller} ({@code File.java:line}), {@code msg}, then
 * each key/value of the event, and {@code stacktrace} when there is one.
 */
final class LogLineFormatter {
    private static final Set<String> RESERVED = Set.of("ts", "level", "logger", "caller", "msg", "stacktrace");

    private final LoggingConfig.Format format;
    private final JsonFactory json = new JsonFactory();

    LogLineFormatter(LoggingConfig.Format format) {
        this.format = requireNonNull(format, "format is null");
    }

    String format(ILoggingEvent event) {
        return switch (format) {
            case CONSOLE -> console(event);
            case JSON -> json(event);
        };
    }

    private static String console(ILoggingEvent event) {
        for (KeyValuePair pair : keyValues(event)) {
            if (ProgressEvents.DISPLAY_KEY.equals(pair.key)) {
                return String.valueOf(pair.value); // progress and summary: their own human rendering
            }
        }
        String logger = event.getLoggerName();
        StringBuilder line = new StringBuilder()
                .append(timestamp(event))
                .append(' ')
                .append(String.format("%-5s", event.getLevel()))
                .append(' ')
                .append(logger.substring(logger.lastIndexOf('.') + 1))
                .append(": ")
                .append(event.getFormattedMessage());
        for (KeyValuePair pair : keyValues(event)) {
            String value = String.valueOf(pair.value);
            line.append(' ')
                    .append(pair.key)
                    .append('=')
                    .append(value.isEmpty() || value.contains(" ") ? '"' + value + '"' : value);
        }
        IThrowableProxy throwable = event.getThrowableProxy();
        if (throwable != null) {
            line.append(System.lineSeparator())
                    .append(ThrowableProxyUtil.asString(throwable).stripTrailing());
        }
        return line.toString();
    }

    private String json(ILoggingEvent event) {
        StringWriter buffer = new StringWriter();
        try (JsonGenerator generator = json.createGenerator(buffer)) {
            generator.writeStartObject();
            generator.writeStringField("level", event.getLevel().toString().toLowerCase(Locale.ROOT));
            generator.writeFieldName("ts");
            generator.writeNumber(new java.math.BigDecimal(event.getTimeStamp()).movePointLeft(3));
            generator.writeStringField("logger", event.getLoggerName());
            String caller = caller(event);
            if (caller != null) {
                generator.writeStringField("caller", caller);
            }
            generator.writeStringField("msg", event.getFormattedMessage());
            for (KeyValuePair pair : keyValues(event)) {
                if (ProgressEvents.DISPLAY_KEY.equals(pair.key)) {
                    continue;
                }
                String name = RESERVED.contains(pair.key) ? pair.key + "_" : pair.key;
                writeValue(generator, name, pair.value);
            }
            if (event.getThrowableProxy() != null) {
                generator.writeStringField("stacktrace", ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("formatting a log event in memory", e);
        }
        return buffer.toString();
    }

    /** zap's short caller: the source file and line of the logging statement. */
    private static String caller(ILoggingEvent event) {
        StackTraceElement[] frames = event.getCallerData();
        if (frames == null || frames.length == 0 || frames[0].getFileName() == null) {
            return null;
        }
        return frames[0].getFileName() + ":" + frames[0].getLineNumber();
    }

    private static void writeValue(JsonGenerator generator, String name, Object value) throws IOException {
        if (value instanceof Integer || value instanceof Long) {
            generator.writeNumberField(name, ((Number) value).longValue());
        } else if (value instanceof Double number) {
            generator.writeNumberField(name, number);
        } else if (value instanceof Boolean bool) {
            generator.writeBooleanField(name, bool);
        } else {
            generator.writeStringField(name, String.valueOf(value));
        }
    }

    /** Milliseconds are enough to order a CLI's lines and keep them short. */
    private static String timestamp(ILoggingEvent event) {
        return DateTimeFormatter.ISO_INSTANT.format(event.getInstant().truncatedTo(ChronoUnit.MILLIS));
    }

    private static List<KeyValuePair> keyValues(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        return pairs == null ? List.of() : pairs;
    }
}
