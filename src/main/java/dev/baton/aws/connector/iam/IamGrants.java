package dev.baton.aws.connector.iam;

import com.google.protobuf.Message;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.model.Entitlements;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.List;

/**
 * The IAM entitlements (group member, role assignment, managed and inline policy attached) and the expansion
 * rules of their grants (docs/grant-kinds.md), shared by the syncers that emit
 * them: a policy's {@code attached} grant is emitted by the user, role or group that holds it, so the entitlement
 * and its expansion rule must be built the same way in every place.
 */
final class IamGrants {
    static final String MEMBER = "member";
    static final String ASSIGNMENT = "assignment";
    static final String ATTACHED = "attached";

    private IamGrants() {}

    /** IAM group member. */
    static Entitlement groupMember(Resource group) {
        return Entitlements.assignment(
                group,
                MEMBER,
                group.getDisplayName() + " Group Member",
                "Is member of the " + group.getDisplayName() + " IAM group in AWS",
                List.of(ResourceTypes.IAM_USER),
                List.of(v1(Ids.v1MembershipEntitlementId(group.getId().getResource()))));
    }

    /** Role assignment: may assume the role. */
    static Entitlement roleAssignment(Resource role) {
        return Entitlements.assignment(
                role,
                ASSIGNMENT,
                role.getDisplayName() + " Role",
                "Can assume the " + role.getDisplayName() + " role in AWS",
                List.of(ResourceTypes.IAM_USER, ResourceTypes.ROLE, ResourceTypes.GROUP, ResourceTypes.SSO_USER),
                List.of(v1(Ids.v1MembershipEntitlementId(role.getId().getResource()))));
    }

    /** Managed policy attached. */
    static Entitlement policyAttached(Resource policy) {
        return Entitlements.assignment(
                policy,
                ATTACHED,
                policy.getDisplayName() + " Managed Policy",
                "Has the " + policy.getDisplayName() + " managed policy in AWS",
                List.of(
                        ResourceTypes.IAM_USER,
                        ResourceTypes.ROLE,
                        ResourceTypes.GROUP,
                        ResourceTypes.PERMISSION_SET,
                        ResourceTypes.PERMISSION_SET_ASSIGNMENT),
                List.of());
    }

    /** Inline policy attached: grantable only to the type of the policy's owner. */
    static Entitlement inlineAttached(Resource inlinePolicy) {
        String name = inlinePolicy.getDisplayName();
        String parentType = inlinePolicy.getParentResourceId().getResourceType();
        return Entitlements.assignment(
                inlinePolicy,
                ATTACHED,
                name + " Inline Policy",
                "Has the " + name + " inline policy in AWS",
                ResourceTypes.ALL.stream()
                        .filter(type -> type.getId().equals(parentType))
                        .toList(),
                List.of());
    }

    /** User / role / group policy attachment: a managed policy attached to a principal, with the principal's expansion rule. */
    static Grant policyAttachment(AttachedPolicy policy, ResourceId principal) {
        Resource policyResource = Resource.newBuilder()
                .setId(Ids.resourceId(ResourceTypes.IAM_POLICY_ID, policy.arn()))
                .setDisplayName(policy.name())
                .build();
        return Grants.grant(policyAttached(policyResource), principal, expansion(principal));
    }

    /**
     * Who inherits a grant held by {@code principal}: everyone who can assume a role (deep, role chains), the
     * direct members of a group (shallow), nobody for users and permission sets.
     */
    static List<Message> expansion(ResourceId principal) {
        return switch (principal.getResourceType()) {
            case ResourceTypes.ROLE_ID -> List.of(Grants.expandable(Ids.entitlementId(principal, ASSIGNMENT), false));
            case ResourceTypes.GROUP_ID -> List.of(Grants.expandable(Ids.entitlementId(principal, MEMBER), true));
            default -> List.of();
        };
    }

    static V1Identifier v1(String id) {
        return V1Identifier.newBuilder().setId(id).build();
    }
}
