package dev.baton.aws.connector.identitycenter;

import com.google.protobuf.Message;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/** The assignment grant a provisioned account assignment reports, as the account and binding syncers emit it. */
final class ProvisionedGrants {
    private ProvisionedGrants() {}

    static Grant of(Entitlement entitlement, SsoPrincipal principal) {
        List<Message> annotations = new ArrayList<>();
        annotations.add(V1Identifier.newBuilder()
                .setId(Ids.v1AssignmentGrantId(entitlement.getId(), principal.arn()))
                .build());
        if (principal.type() == PrincipalType.GROUP) {
            annotations.add(Grants.expandable(Ids.entitlementId(principal.resourceId(), "member"), false));
        }
        String grantId =
                Ids.assignmentGrantId(principal.resourceId().getResourceType(), principal.arn(), entitlement.getId());
        return Grants.withId(grantId, entitlement, principal.resourceId(), annotations);
    }
}
