package dev.baton.aws.connector.identitycenter;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.baton.aws.aws.AwsErrors;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.proto.c1.connector.v2.RequestId;
import dev.baton.aws.spi.SyncException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Annotations and errors shared by the Identity Center provisioners. */
final class IdentityCenterResults {
    private IdentityCenterResults() {}

    /** The SDK reports "UNKNOWN" when the service sent no request id; that is not worth an annotation. */
    static List<Any> requestId(AwsResponse response, Message... more) {
        List<Any> annotations = new ArrayList<>();
        String id = response.responseMetadata().requestId();
        if (id != null && !id.isEmpty() && !id.equals("UNKNOWN")) {
            annotations.add(Any.pack(RequestId.newBuilder().setRequestId(id).build()));
        }
        for (Message message : more) {
            annotations.add(Any.pack(message));
        }
        return annotations;
    }

    static List<Any> annotations(Message... messages) {
        List<Any> annotations = new ArrayList<>();
        for (Message message : messages) {
            annotations.add(Any.pack(message));
        }
        return annotations;
    }

    static ErrorKind kind(SdkException e) {
        return AwsErrors.classify(e);
    }

    /** Upstream's message prefix plus the call context; never contains a credential. */
    static SyncException failure(String what, String service, String operation, String resource, SdkException e) {
        return new SyncException("baton-aws: " + what + ": "
                + AwsErrors.wrap(service, operation, "", resource, e).getMessage() + awsMessage(e), e);
    }

    /** AWS's own explanation of the failure; it never contains a secret. */
    static String awsMessage(SdkException e) {
        if (e instanceof AwsServiceException serviceException && serviceException.awsErrorDetails() != null) {
            String message = serviceException.awsErrorDetails().errorMessage();
            if (message != null && !message.isBlank()) {
                return " (" + message + ")";
            }
        }
        return "";
    }
}
