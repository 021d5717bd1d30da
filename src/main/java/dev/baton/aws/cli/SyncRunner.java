package dev.baton.aws.cli;

import dev.baton.aws.config.RunConfig;
import java.io.PrintWriter;

/**
 * Runs one validated configuration: a sync into the c1z, or the one-shot provisioning action it names. Any
 * exception fails the run with exit code 1 and its message on one line, so messages must name the failing call
 * and object and never contain a credential.
 */
public interface SyncRunner {
    /**
     * {@code out} receives data (the outcome JSON of a one-shot write); {@code err} receives progress, the end
     * summary and one human line per write. A sync's data goes to the c1z.
     */
    void run(RunConfig config, PrintWriter out, PrintWriter err) throws Exception;
}
