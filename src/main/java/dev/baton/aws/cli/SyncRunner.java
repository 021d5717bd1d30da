package dev.baton.aws.cli;

import dev.baton.aws.config.RunConfig;
import java.io.PrintWriter;

/**
 * Runs one validated configuration: a sync into the c1z, or the one-shot provisioning action it names. Any
 * exception fails the run with exit code 1 and its message on one line, so messages must name the failing call
 * and object and never contain a credential.
 */
public interface SyncRunner {
    /** {@code err} is for progress and the end summary; data (if any) goes to the c1z. */
    void run(RunConfig config, PrintWriter err) throws Exception;
}
