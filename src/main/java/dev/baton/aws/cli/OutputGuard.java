package dev.baton.aws.cli;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.c1z.FinalWriteHook;
import java.io.PrintWriter;

/**
 * What a run that writes a c1z needs besides the file name: where a stop signal finds the run's output session,
 * and the hook beneath the final write (tests inject a pause or a failing disk there; production has none).
 * Building one loads no c1z class, so {@code --help} stays cheap.
 */
final class OutputGuard {
    private final ActiveOutputs outputs;
    private final FinalWriteHook finalWrite;

    private OutputGuard(ActiveOutputs outputs, FinalWriteHook finalWrite) {
        this.outputs = requireNonNull(outputs, "outputs is null");
        this.finalWrite = finalWrite;
    }

    /** No signal handling and no hook: in-process runs (tests, other launchers). */
    static OutputGuard unguarded() {
        return new OutputGuard(ActiveOutputs.withoutSignals(), null);
    }

    /** The production entry point's: SIGTERM and SIGINT stop the run tidily, reported on {@code err}. */
    static OutputGuard withStopSignals(PrintWriter err) {
        return new OutputGuard(ActiveOutputs.withSignals(err), null);
    }

    /** For tests: {@code finalWrite} beneath the final write, and signals handled when {@code outputs} does. */
    static OutputGuard withHook(ActiveOutputs outputs, FinalWriteHook finalWrite) {
        return new OutputGuard(outputs, requireNonNull(finalWrite, "finalWrite is null"));
    }

    ActiveOutputs outputs() {
        return outputs;
    }

    FinalWriteHook finalWrite() {
        return finalWrite == null ? FinalWriteHook.NONE : finalWrite;
    }
}
