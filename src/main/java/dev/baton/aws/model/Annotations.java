package dev.baton.aws.model;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;

/** Reads typed annotations out of {@code repeated google.protobuf.Any} lists. */
public final class Annotations {
    private Annotations() {}

    public static Any pack(Message message) {
        return Any.pack(message);
    }

    /** The first annotation of the given type, if any. */
    public static <T extends Message> Optional<T> find(List<Any> annotations, Class<T> type) {
        for (Any any : annotations) {
            if (any.is(type)) {
                try {
                    return Optional.of(any.unpack(type));
                } catch (InvalidProtocolBufferException e) {
                    throw new IllegalArgumentException("annotation " + any.getTypeUrl() + " does not decode", e);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean has(List<Any> annotations, Class<? extends Message> type) {
        return annotations.stream().anyMatch(any -> any.is(type));
    }
}
