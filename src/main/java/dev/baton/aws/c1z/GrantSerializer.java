package dev.baton.aws.c1z;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;

/**
 * Serializes grants as {@link ProtoEncoding#serialize} does, byte for byte, but encodes an embedded entitlement
 * once for a run of grants that share it (the same instance). Grant expansion writes millions of grants that each
 * embed their destination's full stored entitlement; encoding its strings again for every grant was most of the
 * expander's CPU time and garbage. The entitlement is field 1 of a grant and protobuf writes fields in number order,
 * so its bytes come first and the rest of the grant follows unchanged. Not thread-safe: one per writer.
 */
final class GrantSerializer {
    /** A tag is the field number shifted past the three wire-type bits. */
    private static final int ENTITLEMENT_TAG =
            Grant.ENTITLEMENT_FIELD_NUMBER << 3 | WireFormat.WIRETYPE_LENGTH_DELIMITED;

    private Entitlement lastEntitlement;
    private byte[] lastEntitlementBytes;

    byte[] serialize(Grant grant) {
        if (!grant.hasEntitlement()) {
            return ProtoEncoding.serialize(grant);
        }
        byte[] entitlement = entitlementBytes(grant.getEntitlement());
        Grant rest = grant.toBuilder().clearEntitlement().build();
        int size = CodedOutputStream.computeUInt32SizeNoTag(ENTITLEMENT_TAG)
                + CodedOutputStream.computeUInt32SizeNoTag(entitlement.length)
                + entitlement.length
                + rest.getSerializedSize();
        return ProtoEncoding.write(size, output -> {
            output.writeUInt32NoTag(ENTITLEMENT_TAG);
            output.writeUInt32NoTag(entitlement.length);
            output.writeRawBytes(entitlement);
            rest.writeTo(output);
        });
    }

    private byte[] entitlementBytes(Entitlement entitlement) {
        if (entitlement != lastEntitlement) {
            lastEntitlementBytes = ProtoEncoding.serialize(entitlement);
            lastEntitlement = entitlement;
        }
        return lastEntitlementBytes;
    }
}
