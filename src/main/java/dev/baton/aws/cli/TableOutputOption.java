package dev.baton.aws.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code -o/--output} of the read-only commands that print one table: table, json, jsonl or csv. */
@Command(addMethodSubcommands = false)
final class TableOutputOption {
    @Option(
            names = {"-o", "--output"},
            paramLabel = "FORMAT",
            defaultValue = "table",
            description = "table, json, jsonl or csv (default: table)")
    private String output = "table";

    /** The chosen format; an unknown one is a usage error naming {@code --output}. */
    QueryTable.Format format() {
        return QueryTable.Format.parse(output, "--output");
    }
}
