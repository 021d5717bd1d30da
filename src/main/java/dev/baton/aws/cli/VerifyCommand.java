package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.baton.aws.c1z.C1zException;
import dev.baton.aws.c1z.C1zValidator;
import dev.baton.aws.c1z.ValidationReport;
import dev.baton.aws.c1z.Violation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code baton-aws verify FILE.c1z}: checks a c1z file against everything baton readers rely on. Exit 0 when it
 * is valid, 1 with one line per violation, 2 when the file is missing, unreadable or not a c1z at all.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = "Check a c1z file against the format baton readers expect (exit 0 valid, 1 violations,"
                + " 2 not a readable c1z).")
final class VerifyCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "The c1z file to check")
    private String file;

    @Option(
            names = {"-o", "--output-format"},
            paramLabel = "console|json",
            defaultValue = "console",
            description = "console (one line per violation and a summary) or json")
    private String format;

    @Spec
    private CommandSpec spec;

    private final ProcessContext context;

    VerifyCommand(ProcessContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    @Override
    public Integer call() throws Exception {
        if (!format.equals("console") && !format.equals("json")) {
            throw new ConfigException("verify --output-format: '" + format + "' is not valid; use console or json");
        }
        if (file == null || file.isBlank()) {
            throw new ConfigException("verify: needs the c1z file to check, e.g. baton-aws verify sync.c1z");
        }
        Path path = context.workingDirectory().resolve(file);
        if (Files.isDirectory(path)) {
            throw new ConfigException("verify: " + path + " is a directory, not a c1z file");
        }
        ValidationReport report;
        try {
            report = C1zValidator.validate(path, Path.of(System.getProperty("java.io.tmpdir")));
        } catch (C1zException e) {
            throw new ConfigException("verify: " + e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json(report)));
        } else {
            report.lines().forEach(out::println);
        }
        out.flush();
        return report.valid() ? 0 : 1;
    }

    private static ObjectNode json(ValidationReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", report.file().toString());
        root.put("valid", report.valid());
        root.put("violationCount", report.violationCount());
        ArrayNode violations = root.putArray("violations");
        for (Violation violation : report.violations()) {
            violations.addObject().put("check", violation.check()).put("message", violation.message());
        }
        ObjectNode counts = root.putObject("countsByCheck");
        report.countsByCheck().forEach(counts::put);
        report.notes().forEach(root.putArray("notes")::add);
        report.syncs().forEach(root.putArray("syncs")::add);
        root.put("summary", report.summary());
        return root;
    }
}
