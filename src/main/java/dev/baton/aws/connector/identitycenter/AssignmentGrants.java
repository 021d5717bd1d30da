package dev.baton.aws.connector.identitycenter;

import com.google.protobuf.Message;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.identitycenter.AssignmentReader.Assignment;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps Identity Center account assignments to grants (on the flat {@code account} entitlement, or on the
 * {@code assigned} entitlement of a {@code permission_set_assignment} binding). Pure: tested on plain values.
 */
final class AssignmentGrants {
    private AssignmentGrants() {}

    /** The grants of {@code assignments} on {@code entitlement}; principals other than users and groups are skipped. */
    static List<Grant> grants(Entitlement entitlement, List<Assignment> assignments, IdentityCenterInstance instance) {
        List<Grant> grants = new ArrayList<>();
        for (Assignment assignment : assignments) {
            grant(entitlement, assignment, instance).ifPresent(grants::add);
        }
        return grants;
    }

    /**
     * One grant: id {@code grant:<principalType>:<principalArn>:<entitlementId>}, a {@code V1Identifier}
     * {@code grant:<entitlementId>:<principalArn>} for ConductorOne's legacy keys, and for a group a deep
     * {@code GrantExpandable} on the group's {@code member} entitlement so that its members inherit the access.
     * The entitlement is embedded whole, as upstream does for these grants.
     */
    static Optional<Grant> grant(Entitlement entitlement, Assignment assignment, IdentityCenterInstance instance) {
        ResourceId principal;
        switch (assignment.principalType()) {
            case "USER" ->
                principal = Ids.resourceId(ResourceTypes.SSO_USER_ID, instance.userArn(assignment.principalId()));
            case "GROUP" ->
                principal = Ids.resourceId(ResourceTypes.SSO_GROUP_ID, instance.groupArn(assignment.principalId()));
            default -> {
                return Optional.empty();
            }
        }
        String principalArn = principal.getResource();
        List<Message> annotations = new ArrayList<>();
        annotations.add(V1Identifier.newBuilder()
                .setId(Ids.v1AssignmentGrantId(entitlement.getId(), principalArn))
                .build());
        if (principal.getResourceType().equals(ResourceTypes.SSO_GROUP_ID)) {
            annotations.add(Grants.expandable(Ids.entitlementId(principal, SsoGroupSyncer.MEMBER), false));
        }
        String grantId = Ids.assignmentGrantId(principal.getResourceType(), principalArn, entitlement.getId());
        Grant grant = Grants.withId(grantId, entitlement, principal, annotations);
        return Optional.of(grant.toBuilder().setEntitlement(entitlement).build());
    }
}
