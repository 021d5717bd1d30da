package dev.baton.aws.connector;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.baton.aws.proto.c1.connector.v2.RequestId;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.AwsResponse;

/** The annotations a write reports: the AWS request id of the call and outcome markers such as GrantAlreadyExists. */
public final class ProvisionAnnotations {
    private ProvisionAnnotations() {}

    /** The SDK reports "UNKNOWN" when the service sent no request id; that is not worth an annotation. */
    public static List<Any> requestId(AwsResponse response, Message... more) {
        List<Any> annotations = new ArrayList<>();
        String id = response.responseMetadata() == null
                ? null
                : response.responseMetadata().requestId();
        if (id != null && !id.isEmpty() && !id.equals("UNKNOWN")) {
            annotations.add(Any.pack(RequestId.newBuilder().setRequestId(id).build()));
        }
        annotations.addAll(of(more));
        return annotations;
    }

    public static List<Any> of(Message... messages) {
        List<Any> annotations = new ArrayList<>();
        for (Message message : messages) {
            annotations.add(Any.pack(message));
        }
        return annotations;
    }
}
