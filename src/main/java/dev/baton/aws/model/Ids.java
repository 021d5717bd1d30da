package dev.baton.aws.model;

import dev.baton.aws.proto.c1.connector.v2.ResourceId;

/**
 * The only place where id strings are built. The joins are lossy on purpose (colons inside ids are never
 * escaped) because ConductorOne and the baton tools compare these strings byte for byte.
 */
public final class Ids {
    private Ids() {}

    public static ResourceId resourceId(String resourceType, String resource) {
        return ResourceId.newBuilder()
                .setResourceType(resourceType)
                .setResource(resource)
                .build();
    }

    /** The v1 {@code external_id} of a resource: {@code <type>:<id>}. */
    public static String resourceKey(ResourceId id) {
        return id.getResourceType() + ":" + id.getResource();
    }

    /** {@code <resourceType>:<resourceId>:<slug>}. */
    public static String entitlementId(ResourceId resource, String slug) {
        return resource.getResourceType() + ":" + resource.getResource() + ":" + slug;
    }

    /** {@code <entitlementId>:<principalType>:<principalId>}. */
    public static String grantId(String entitlementId, ResourceId principal) {
        return entitlementId + ":" + principal.getResourceType() + ":" + principal.getResource();
    }

    /** {@code <parentArn>::inline::<policyName>}: an inline policy of an IAM user, group, role or permission set. */
    public static String inlinePolicyId(String parentArn, String policyName) {
        return parentArn + INLINE_SEPARATOR + policyName;
    }

    public static final String INLINE_SEPARATOR = "::inline::";

    /** {@code <permissionSetArn>-<accountId>}: byte-identical to ConductorOne's JIT role+"-"+scope id. */
    public static String permissionSetAssignmentId(String permissionSetArn, String accountId) {
        return permissionSetArn + "-" + accountId;
    }

    /** {@code <accountId>|<permissionSetArn>}: the flat account entitlement id (not the SDK format). */
    public static String accountEntitlementId(String accountId, String permissionSetArn) {
        return accountId + "|" + permissionSetArn;
    }

    /** {@code grant:<principalType>:<principalArn>:<entitlementId>}: account access and binding assignment grants. */
    public static String assignmentGrantId(String principalType, String principalArn, String entitlementId) {
        return "grant:" + principalType + ":" + principalArn + ":" + entitlementId;
    }

    /** {@code arn:aws:identitystore:<region>::<identityStoreId>/user/<userId>} (empty account segment). */
    public static String ssoUserArn(String ssoRegion, String identityStoreId, String userId) {
        return "arn:aws:identitystore:" + ssoRegion + "::" + identityStoreId + "/user/" + userId;
    }

    /** {@code arn:aws:identitystore:<region>::<identityStoreId>/group/<groupId>}. */
    public static String ssoGroupArn(String ssoRegion, String identityStoreId, String groupId) {
        return "arn:aws:identitystore:" + ssoRegion + "::" + identityStoreId + "/group/" + groupId;
    }

    /** {@code arn:aws:iam::<accountId>:policy<path><name>}; the path defaults to "/". */
    public static String customerManagedPolicyArn(String accountId, String path, String name) {
        String effectivePath = path == null || path.isEmpty() ? "/" : path;
        return "arn:aws:iam::" + accountId + ":policy" + effectivePath + name;
    }

    /** {@code membership:<groupOrRoleArn>}: the v1 id of a group's member or a role's assignment entitlement. */
    public static String v1MembershipEntitlementId(String groupOrRoleArn) {
        return "membership:" + groupOrRoleArn;
    }

    /** {@code grant:membership:<groupArn>:<memberArn>}: the v1 id of an IAM or Identity Center group membership. */
    public static String v1MembershipGrantId(String groupArn, String memberArn) {
        return "grant:membership:" + groupArn + ":" + memberArn;
    }

    /** {@code grant:<entitlementId>:<principalArn>}: the v1 id of an account assignment grant. */
    public static String v1AssignmentGrantId(String entitlementId, String principalArn) {
        return "grant:" + entitlementId + ":" + principalArn;
    }
}
