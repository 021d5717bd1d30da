package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsErrors;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.spi.SyncException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;

/** Sends one SDK request and turns its failure into an {@link AwsCallException} with the call's context. */
final class AwsCall {
    private AwsCall() {}

    static <T> T send(String service, String operation, String accountId, String resource, Supplier<T> request)
            throws AwsCallException {
        try {
            return request.get();
        } catch (SdkException e) {
            throw AwsErrors.wrap(service, operation, accountId, resource, e);
        }
    }

    /** Like {@link #send} for calls whose every failure stops the sync. */
    static <T> T require(String service, String operation, String accountId, String resource, Supplier<T> request)
            throws SyncException {
        try {
            return send(service, operation, accountId, resource, request);
        } catch (AwsCallException e) {
            throw failure(e);
        }
    }

    static SyncException failure(AwsCallException e) {
        return new SyncException(e.getMessage(), e);
    }

    /** Only a single object that is gone or hidden from us may be skipped; everything else fails the sync. */
    static boolean skippable(ErrorKind kind) {
        return kind.skippable();
    }
}
