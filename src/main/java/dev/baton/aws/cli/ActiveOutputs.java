package dev.baton.aws.cli;

import dev.baton.aws.c1z.OutputSession;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;

/**
 * The output sessions of the running sync, so a SIGTERM or SIGINT can stop them tidily: no commit after the
 * signal, temp files and the working database deleted, the lock released, one line on stderr saying what
 * happened to the file, then exit 128 + the signal number. Signal handlers are installed when the first session
 * registers, so runs that write nothing keep the JVM's defaults (and do not load the c1z classes).
 */
final class ActiveOutputs {
    private static final String PREFIX = "baton-aws: ";

    private final Set<OutputSession> sessions = ConcurrentHashMap.newKeySet();
    private final PrintWriter err;
    private boolean installed;

    private ActiveOutputs(PrintWriter err) {
        this.err = err;
    }

    /** Handles SIGTERM and SIGINT once a session registers, reporting on {@code err}. */
    static ActiveOutputs withSignals(PrintWriter err) {
        return new ActiveOutputs(err);
    }

    static ActiveOutputs withoutSignals() {
        return new ActiveOutputs(null);
    }

    void register(OutputSession session) {
        sessions.add(session);
        installSignals();
    }

    void unregister(OutputSession session) {
        sessions.remove(session);
    }

    private synchronized void installSignals() {
        if (err == null || installed) {
            return;
        }
        installed = true;
        StopSignals.install(this);
    }

    /** Runs on the signal's thread; the caller halts the JVM afterwards. */
    void stop(String signal, int exitCode) {
        err.println(stopAll(signal));
        err.flush();
        Runtime.getRuntime().halt(exitCode);
    }

    /** Stops every registered session and says, in one line, what became of their files. */
    String stopAll(String signal) {
        StringBuilder line = new StringBuilder(PREFIX).append("stopped by ").append(signal);
        for (OutputSession session : List.copyOf(sessions)) {
            OutputSession.StopOutcome outcome = session.stop();
            sessions.remove(session);
            line.append(
                    switch (outcome) {
                        case COMMITTED -> " after " + session.target() + " was written";
                        case PREVIOUS_INTACT -> "; " + session.target() + " was not changed (previous file intact)";
                        case NOT_WRITTEN -> "; " + session.target() + " was not written";
                    });
            if (outcome != OutputSession.StopOutcome.COMMITTED) {
                session.checkpoint()
                        .ifPresent(kept -> line.append("; its progress is kept in ")
                                .append(kept)
                                .append(": run the same command again to continue"));
            }
        }
        LoggerFactory.getLogger(ActiveOutputs.class).debug("{}", line);
        return line.toString();
    }
}
