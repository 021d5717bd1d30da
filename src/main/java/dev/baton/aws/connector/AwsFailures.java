package dev.baton.aws.connector;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.spi.SyncException;

/**
 * How a failed AWS call reaches the sync engine when the syncer may not skip it: as a {@link SyncException} whose
 * message is the call's own ({@code iam:ListRoles (account 1111…): AccessDenied}). Whether a failure may be skipped
 * is {@link dev.baton.aws.aws.ErrorKind#skippable()}'s to say, not the syncer's.
 */
public final class AwsFailures {
    private AwsFailures() {}

    /** A read whose failures arrive classified by the gateway. */
    @FunctionalInterface
    public interface Read<T> {
        T run() throws AwsCallException;
    }

    /** The failure as the engine sees it: the message is the call's. */
    public static SyncException fatal(AwsCallException e) {
        return new SyncException(e.getMessage(), e);
    }

    /** Runs a read whose every failure stops the sync. */
    public static <T> T require(Read<T> read) throws SyncException {
        try {
            return read.run();
        } catch (AwsCallException e) {
            throw fatal(e);
        }
    }
}
