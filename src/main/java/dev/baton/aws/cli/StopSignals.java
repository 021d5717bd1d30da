package dev.baton.aws.cli;

import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Routes SIGTERM and SIGINT to {@link ActiveOutputs#stop}, which exits with 143 or 130 as a shell expects. Uses
 * {@code sun.misc.Signal} (module jdk.unsupported), the only JDK way to learn which signal arrived; where a
 * signal cannot be handled, the JVM's default (shutdown without tidying) stays.
 */
final class StopSignals {
    private StopSignals() {}

    static void install(ActiveOutputs outputs) {
        handle("TERM", 143, outputs);
        handle("INT", 130, outputs);
    }

    private static void handle(String name, int exitCode, ActiveOutputs outputs) {
        try {
            Signal.handle(new Signal(name), signal -> outputs.stop("SIG" + name, exitCode));
        } catch (IllegalArgumentException e) {
            LoggerFactory.getLogger(StopSignals.class).debug("cannot handle SIG{} here", name, e);
        }
    }
}
