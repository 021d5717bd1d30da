package dev.baton.aws.simulator.protocol;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Builds the XML of a query-protocol reply. Text is escaped here, once; timestamps are ISO-8601 in UTC with
 * seconds, as IAM writes them. Elements with a null value are left out, as AWS leaves out absent members.
 */
public final class XmlWriter {
    private final StringBuilder out = new StringBuilder(256);
    private final Deque<String> open = new ArrayDeque<>();

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Opens an element carrying the {@code xmlns} attribute (only the response root has one). */
    public XmlWriter startWithNamespace(String name, String namespace) {
        out.append('<')
                .append(name)
                .append(" xmlns=\"")
                .append(escape(namespace))
                .append("\">");
        open.push(name);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    public XmlWriter element(String name, String value) {
        if (value != null) {
            out.append('<')
                    .append(name)
                    .append('>')
                    .append(escape(value))
                    .append("</")
                    .append(name)
                    .append('>');
        }
        return this;
    }

    public XmlWriter element(String name, Instant value) {
        return element(name, value == null ? null : timestamp(value));
    }

    public XmlWriter element(String name, boolean value) {
        return element(name, Boolean.toString(value));
    }

    public XmlWriter element(String name, long value) {
        return element(name, Long.toString(value));
    }

    /** {@code <listName><member>…</member>…</listName>}, the query protocol's list shape. */
    public <T> XmlWriter members(String listName, List<T> items, BiConsumer<XmlWriter, T> member) {
        start(listName);
        for (T item : items) {
            start("member");
            member.accept(this, item);
            end();
        }
        return end();
    }

    /** A list of plain strings: {@code <listName><member>value</member>…</listName>}. */
    public XmlWriter stringMembers(String listName, List<String> values) {
        return members(listName, values, (xml, value) -> xml.out.append(escape(value)));
    }

    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements " + open);
        }
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> result.append("&amp;");
                case '<' -> result.append("&lt;");
                case '>' -> result.append("&gt;");
                case '"' -> result.append("&quot;");
                case '\'' -> result.append("&apos;");
                case '\r' -> result.append("&#13;");
                default -> result.append(c);
            }
        }
        return result.toString();
    }
}
