package dev.baton.aws.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON laid out the way the Go baton SDK prints it ({@code json.Indent} with two spaces: one member or element
 * per line, {@code "key": value}, empty containers as {@code []} and {@code {}}), so our capabilities and schema
 * output can be compared with upstream's files line by line.
 */
final class IndentedJson {
    private IndentedJson() {}

    static String of(JsonNode node) throws JsonProcessingException {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        return new ObjectMapper().writer(printer).writeValueAsString(node);
    }

    static String of(String json) throws JsonProcessingException {
        return of(new ObjectMapper().readTree(json));
    }
}
