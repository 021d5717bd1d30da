package dev.baton.aws.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The answer of a read-only query: named columns and rows of text, printed as an aligned table for people, or as
 * JSON (one array of objects), JSON Lines (one object per line) or CSV (RFC 4180, with a header) for programs.
 * Object keys and CSV headers are the column names, which are stable.
 */
record QueryTable(List<String> columns, List<List<String>> rows) {
    /** How {@code -o} prints a table. */
    enum Format {
        TABLE,
        JSON,
        JSONL,
        CSV;

        static Format parse(String value, String option) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(option, "'" + value + "' is not a format; use table, json, jsonl or csv");
            }
        }
    }

    QueryTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static Builder builder(String... columns) {
        return new Builder(List.of(columns));
    }

    /** Collects rows; each row has one value per column (null prints as empty). */
    static final class Builder {
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();

        private Builder(List<String> columns) {
            this.columns = columns;
        }

        Builder add(String... values) {
            rows.add(row(columns, values));
            return this;
        }

        QueryTable build() {
            return new QueryTable(columns, rows);
        }
    }

    /** Receives rows as a query finds them. */
    interface RowWriter {
        void add(String... values);

        /** Prints what is still held and flushes. */
        void finish();
    }

    /**
     * Rows printed as they come for JSON Lines and CSV, so a listing of every grant of a large sync needs no
     * memory for its rows; the aligned table and the JSON array need every row first and are printed by
     * {@link RowWriter#finish()}.
     */
    static RowWriter writer(Format format, PrintWriter out, String... columns) {
        Builder builder = builder(columns);
        if (format == Format.TABLE || format == Format.JSON) {
            return new RowWriter() {
                @Override
                public void add(String... values) {
                    builder.add(values);
                }

                @Override
                public void finish() {
                    builder.build().print(format, out);
                }
            };
        }
        List<String> names = List.of(columns);
        if (format == Format.CSV) {
            out.print(csvLine(names));
            return new RowWriter() {
                @Override
                public void add(String... values) {
                    out.print(csvLine(row(names, values)));
                }

                @Override
                public void finish() {
                    out.flush();
                }
            };
        }
        return new JsonLinesWriter(names, out);
    }

    /** One JSON object per line through one streaming generator (no tree per row). */
    private static final class JsonLinesWriter implements RowWriter {
        private final List<String> columns;
        private final PrintWriter out;
        private final JsonGenerator json;

        JsonLinesWriter(List<String> columns, PrintWriter out) {
            this.columns = columns;
            this.out = out;
            try {
                this.json = new JsonFactory().createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            json.setRootValueSeparator(null);
        }

        @Override
        public void add(String... values) {
            List<String> row = row(columns, values);
            try {
                json.writeStartObject();
                for (int i = 0; i < columns.size(); i++) {
                    json.writeStringField(columns.get(i), row.get(i));
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void finish() {
            try {
                json.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        }
    }

    /** One value per column, null as empty. */
    private static List<String> row(List<String> columns, String... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
        }
        List<String> row = new ArrayList<>(values.length);
        for (String value : values) {
            row.add(value == null ? "" : value);
        }
        return row;
    }

    void print(Format format, PrintWriter out) {
        switch (format) {
            case TABLE -> printTable(out);
            case JSON -> out.println(json().toPrettyString());
            case JSONL -> {
                ObjectMapper mapper = new ObjectMapper();
                for (List<String> row : rows) {
                    out.println(object(mapper, row).toString());
                }
            }
            case CSV -> printCsv(out);
        }
        out.flush();
    }

    ArrayNode json() {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = mapper.createArrayNode();
        rows.forEach(row -> array.add(object(mapper, row)));
        return array;
    }

    private ObjectNode object(ObjectMapper mapper, List<String> row) {
        ObjectNode node = mapper.createObjectNode();
        for (int i = 0; i < columns.size(); i++) {
            node.put(columns.get(i), row.get(i));
        }
        return node;
    }

    private void printTable(PrintWriter out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(
                columns.stream()
                        .map(c -> c.toUpperCase(Locale.ROOT).replace('_', ' '))
                        .toList(),
                widths));
        rows.forEach(row -> out.println(line(row, widths)));
        if (rows.isEmpty()) {
            out.println("(none)");
        }
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append("  ");
            }
            line.append(values.get(i));
            if (i < values.size() - 1) {
                line.append(" ".repeat(widths[i] - values.get(i).length()));
            }
        }
        return line.toString();
    }

    void printCsv(PrintWriter out) {
        out.print(csvLine(columns));
        rows.forEach(row -> out.print(csvLine(row)));
    }

    private static String csvLine(List<String> values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String value = values.get(i);
            if (value.indexOf(',') >= 0
                    || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.append("\r\n").toString();
    }
}
