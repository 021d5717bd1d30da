package dev.baton.aws.c1z;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Deterministic protobuf bytes. The SDK's attached-database diff compares {@code data} blobs byte for byte, so
 * the same message must always serialize the same way (map entries sorted).
 */
final class ProtoEncoding {
    private ProtoEncoding() {}

    static byte[] serialize(MessageLite message) {
        return write(message.getSerializedSize(), message::writeTo);
    }

    /** Writes exactly {@code size} bytes with deterministic serialization (map entries sorted). */
    static byte[] write(int size, Body body) {
        byte[] bytes = new byte[size];
        CodedOutputStream output = CodedOutputStream.newInstance(bytes);
        output.useDeterministicSerialization();
        try {
            body.writeTo(output);
        } catch (IOException e) {
            throw new UncheckedIOException("serializing into a byte array cannot fail", e);
        }
        output.checkNoSpaceLeft();
        return bytes;
    }

    /** What {@link #write} writes. */
    @FunctionalInterface
    interface Body {
        void writeTo(CodedOutputStream output) throws IOException;
    }
}
