package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsErrors;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.spi.SyncException;
import software.amazon.awssdk.core.exception.SdkException;

/** Annotations and errors shared by the Identity Center provisioners. */
final class IdentityCenterResults {
    private IdentityCenterResults() {}


    static ErrorKind kind(SdkException e) {
        return AwsErrors.classify(e);
    }

    /** Upstream's message prefix plus the call context; never contains a credential. */
    static SyncException failure(String what, String service, String operation, String resource, SdkException e) {
        AwsCallException call = AwsErrors.wrap(service, operation, "", resource, e);
        return new SyncException("baton-aws: " + what + ": " + call.messageWithAwsExplanation(), call);
    }
}
