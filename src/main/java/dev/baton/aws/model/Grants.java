package dev.baton.aws.model;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantExpandable;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;

/** Static factories for grants, shaped like the SDK's {@code NewGrant}. */
public final class Grants {
    private Grants() {}

    /** A grant with the SDK id {@code <entitlementId>:<principalType>:<principalId>}; the principal carries its id only. */
    public static Grant grant(Entitlement entitlement, ResourceId principal, List<? extends Message> annotations) {
        return withId(Ids.grantId(entitlement.getId(), principal), entitlement, principal, annotations);
    }

    /** A grant whose id does not follow the SDK rule (SSO membership ids, account assignment grants). */
    public static Grant withId(
            String grantId, Entitlement entitlement, ResourceId principal, List<? extends Message> annotations) {
        Grant.Builder builder = Grant.newBuilder()
                .setId(grantId)
                .setEntitlement(Entitlements.reference(entitlement.getId(), entitlement.getResource()))
                .setPrincipal(Resource.newBuilder().setId(principal));
        annotations.forEach(annotation -> builder.addAnnotations(Any.pack(annotation)));
        return builder.build();
    }

    public static GrantExpandable expandable(String sourceEntitlementId, boolean shallow) {
        return GrantExpandable.newBuilder()
                .addEntitlementIds(sourceEntitlementId)
                .setShallow(shallow)
                .build();
    }
}
