package dev.baton.aws.c1z;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;

/**
 * The SDK's split of a grant into the {@code data} blob and the {@code expansion} column: every
 * {@code GrantExpandable} annotation is removed from the blob, and the first one goes to the column when it names
 * at least one non-blank entitlement id. The expander finds its edges through that column and its partial index.
 */
final class GrantEncoding {
    private static final String EXPANDABLE_TYPE =
            GrantExpandable.getDescriptor().getFullName();

    /**
     * @param expansion serialized {@code GrantExpandable}, or null
     */
    record Encoded(Grant grant, byte[] data, byte[] expansion, boolean needsExpansion) {}

    private GrantEncoding() {}

    static Encoded encode(Grant grant) {
        return encode(grant, new GrantSerializer());
    }

    /** With the writer's serializer, which reuses the bytes of an entitlement consecutive grants share. */
    static Encoded encode(Grant grant, GrantSerializer serializer) {
        validate(grant);
        return split(grant, serializer);
    }

    private static Encoded split(Grant grant, GrantSerializer serializer) {
        GrantExpandable expandable = null;
        Grant stripped = grant;
        if (hasExpandable(grant)) {
            Grant.Builder builder = grant.toBuilder().clearAnnotations();
            for (Any annotation : grant.getAnnotationsList()) {
                if (!isExpandable(annotation)) {
                    builder.addAnnotations(annotation);
                } else if (expandable == null) {
                    expandable = unpack(annotation, grant.getId());
                }
            }
            stripped = builder.build();
        }
        boolean needsExpansion = expandable != null
                && expandable.getEntitlementIdsList().stream().anyMatch(id -> !id.isBlank());
        byte[] expansion = needsExpansion ? ProtoEncoding.serialize(expandable) : null;
        return new Encoded(stripped, serializer.serialize(stripped), expansion, needsExpansion);
    }

    /**
     * Rebuilds the stored form. A blob that still carries the annotation (the older, tolerated layout) is split
     * the same way as on write, so callers always see the annotation in {@link StoredGrant#expandable()} only.
     */
    static StoredGrant decode(byte[] data, byte[] expansion) throws InvalidProtocolBufferException {
        Grant grant = Grant.parseFrom(data);
        if (expansion != null) {
            return new StoredGrant(grant, GrantExpandable.parseFrom(expansion));
        }
        if (!hasExpandable(grant)) {
            return new StoredGrant(grant, null);
        }
        Encoded encoded = split(grant, new GrantSerializer());
        GrantExpandable expandable =
                encoded.expansion() == null ? null : GrantExpandable.parseFrom(encoded.expansion());
        return new StoredGrant(encoded.grant(), expandable);
    }

    static void validate(Grant grant) {
        ResourceId resource = grant.getEntitlement().getResource().getId();
        ResourceId principal = grant.getPrincipal().getId();
        if (grant.getId().isEmpty() || grant.getEntitlement().getId().isEmpty()) {
            throw new IllegalArgumentException("grant '" + grant.getId() + "' lacks its id or entitlement id");
        }
        if (resource.getResourceType().isEmpty() || resource.getResource().isEmpty()) {
            throw new IllegalArgumentException("grant " + grant.getId() + " does not embed entitlement.resource.id");
        }
        if (principal.getResourceType().isEmpty() || principal.getResource().isEmpty()) {
            throw new IllegalArgumentException("grant " + grant.getId() + " does not embed principal.id");
        }
    }

    private static boolean hasExpandable(Grant grant) {
        for (Any annotation : grant.getAnnotationsList()) {
            if (isExpandable(annotation)) {
                return true;
            }
        }
        return false;
    }

    /** Readers match on the part after the last '/', so this does too. */
    private static boolean isExpandable(Any annotation) {
        String url = annotation.getTypeUrl();
        return url.substring(url.lastIndexOf('/') + 1).equals(EXPANDABLE_TYPE);
    }

    private static GrantExpandable unpack(Any annotation, String grantId) {
        try {
            return GrantExpandable.parseFrom(annotation.getValue());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("grant " + grantId + " carries an unreadable GrantExpandable", e);
        }
    }
}
