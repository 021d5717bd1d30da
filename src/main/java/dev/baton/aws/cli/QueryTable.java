package dev.baton.aws.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
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
        TABLE, JSON, JSONL, CSV;

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
            if (values.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " values, got " + values.length);
            }
            List<String> row = new ArrayList<>(values.length);
            for (String value : values) {
                row.add(value == null ? "" : value);
            }
            rows.add(row);
            return this;
        }

        QueryTable build() {
            return new QueryTable(columns, rows);
        }
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
        out.println(line(columns.stream().map(c -> c.toUpperCase(Locale.ROOT).replace('_', ' ')).toList(),
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
            if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                    || value.indexOf('\r') >= 0) {
                line.append('"').append(value.replace("\"", "\"\"")).append('"');
            } else {
                line.append(value);
            }
        }
        return line.append("\r\n").toString();
    }
}
