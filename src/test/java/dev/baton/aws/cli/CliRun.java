package dev.baton.aws.cli;

import dev.baton.aws.config.RunConfig;
import dev.baton.aws.proto.c1.connector.v2.Capability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/** One in-process run of the CLI with captured stdout/stderr, a given environment and working directory. */
record CliRun(int exitCode, String out, String err, List<RunConfig> runs) {
    static CliRun run(Path workingDirectory, Map<String, String> environment, String... args) {
        return run(new RecordingWiring(typeId -> Set.of(), null), workingDirectory, environment, args);
    }

    /** With the production wiring: real c1z reads and AWS clients (which bad input must never reach). */
    static CliRun runProduction(Path workingDirectory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                ConnectorWiring.production(),
                new ProcessContext(environment, workingDirectory),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new CliRun(code, out.toString(), err.toString(), List.of());
    }

    static CliRun run(RecordingWiring wiring, Path workingDirectory, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(
                wiring,
                new ProcessContext(environment, workingDirectory),
                new PrintWriter(out),
                new PrintWriter(err),
                args);
        return new CliRun(code, out.toString(), err.toString(), List.copyOf(wiring.runs));
    }

    /** The only run config the fake runner received. */
    RunConfig config() {
        if (runs.size() != 1) {
            throw new AssertionError(
                    "expected one run, got " + runs.size() + "; exit " + exitCode + ", stderr: " + err);
        }
        return runs.get(0);
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    /** A wiring whose runner records the configurations it is given and optionally fails. */
    static final class RecordingWiring implements Wiring {
        final List<RunConfig> runs = new ArrayList<>();
        private final Function<String, Set<Capability>> writeCapabilities;
        private final RuntimeException failure;

        RecordingWiring(Function<String, Set<Capability>> writeCapabilities, RuntimeException failure) {
            this.writeCapabilities = writeCapabilities;
            this.failure = failure;
        }

        @Override
        public SyncRunner syncRunner() {
            return (config, out, err) -> {
                runs.add(config);
                LoggerFactory.getLogger("test.runner").debug("runner got {}", config);
                if (failure != null) {
                    throw failure;
                }
            };
        }

        @Override
        public Function<String, Set<Capability>> writeCapabilities() {
            return writeCapabilities;
        }
    }
}
