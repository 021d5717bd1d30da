package dev.baton.aws.connector;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.baton.aws.proto.c1.connector.v2.CapabilityPermission;
import dev.baton.aws.proto.c1.connector.v2.CapabilityPermissions;
import dev.baton.aws.proto.c1.connector.v2.ChildResourceType;
import dev.baton.aws.proto.c1.connector.v2.OptInRequired;
import dev.baton.aws.proto.c1.connector.v2.ResourceType;
import dev.baton.aws.proto.c1.connector.v2.ResourceType.Trait;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlements;
import dev.baton.aws.proto.c1.connector.v2.SkipEntitlementsAndGrants;
import dev.baton.aws.proto.c1.connector.v2.SkipGrants;
import dev.baton.aws.proto.c1.connector.v2.V1Identifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The 14 resource types of baton-aws, as data: ids, display names, traits and type-level annotations match the
 * upstream connector byte for byte because ConductorOne keys configuration on them. Compatibility review reads
 * this one file.
 */
public final class ResourceTypes {
    public static final String IAM_USER_ID = "iam_user";
    public static final String ROLE_ID = "role";
    public static final String GROUP_ID = "group";
    public static final String IAM_POLICY_ID = "iam_policy";
    public static final String INLINE_POLICY_ID = "inline_policy";
    public static final String SSO_USER_ID = "sso_user";
    public static final String SSO_GROUP_ID = "sso_group";
    public static final String ACCOUNT_ID = "account";
    public static final String ACCOUNT_IAM_ID = "account_iam";
    /**
     * The types whose resources are AWS accounts (an account's IAM, an account as an Identity Center application):
     * progress lines count these as accounts done and in all, one account per account id.
     */
    public static final Set<String> ACCOUNT_TYPE_IDS = Set.of(ACCOUNT_IAM_ID, ACCOUNT_ID);

    public static final String ACCESS_KEY_ID = "access-key";
    public static final String PERMISSION_SET_ID = "permission_set";
    public static final String PERMISSION_SET_ASSIGNMENT_ID = "permission_set_assignment";
    public static final String ORGANIZATION_ID = "organization";
    public static final String ORGANIZATIONAL_UNIT_ID = "organizational_unit";

    public static final ResourceType IAM_USER = type(
            IAM_USER_ID,
            "IAM User",
            Trait.TRAIT_USER,
            List.of(SkipEntitlements.getDefaultInstance(), v1(IAM_USER_ID)),
            "iam:ListUsers",
            "iam:GetUser",
            "iam:ListAccessKeys",
            "iam:GetAccessKeyLastUsed",
            "iam:ListSigningCertificates",
            "iam:ListSSHPublicKeys",
            "iam:ListServiceSpecificCredentials",
            "iam:ListMFADevices",
            "iam:ListUserPolicies",
            "iam:ListAttachedUserPolicies",
            "iam:ListGroupsForUser",
            "iam:CreateUser",
            "iam:DeleteLoginProfile",
            "iam:DeleteAccessKey",
            "iam:DeleteSigningCertificate",
            "iam:DeleteSSHPublicKey",
            "iam:DeleteServiceSpecificCredential",
            "iam:DeactivateMFADevice",
            "iam:DeleteUserPolicy",
            "iam:DetachUserPolicy",
            "iam:DeleteUser",
            "iam:TagUser");

    public static final ResourceType ROLE = type(
            ROLE_ID,
            "IAM Role",
            Trait.TRAIT_ROLE,
            List.of(v1(ROLE_ID)),
            "iam:ListRoles",
            "iam:GetRole",
            "iam:ListAttachedRolePolicies");

    public static final ResourceType GROUP = type(
            GROUP_ID,
            "Group",
            Trait.TRAIT_GROUP,
            List.of(v1(GROUP_ID)),
            "iam:ListGroups",
            "iam:GetGroup",
            "iam:ListAttachedGroupPolicies",
            "iam:AddUserToGroup",
            "iam:RemoveUserFromGroup");

    public static final ResourceType IAM_POLICY = type(
            IAM_POLICY_ID,
            "IAM Managed Policy",
            Trait.TRAIT_ROLE,
            List.of(v1(IAM_POLICY_ID)),
            "iam:ListPolicies",
            "iam:GetPolicy",
            "iam:GetPolicyVersion",
            "iam:AttachUserPolicy",
            "iam:AttachRolePolicy",
            "iam:AttachGroupPolicy",
            "iam:DetachUserPolicy",
            "iam:DetachRolePolicy",
            "iam:DetachGroupPolicy");

    public static final ResourceType INLINE_POLICY = type(
            INLINE_POLICY_ID,
            "Inline Policy",
            Trait.TRAIT_ROLE,
            List.of(v1(INLINE_POLICY_ID)),
            "iam:ListUserPolicies",
            "iam:ListRolePolicies",
            "iam:ListGroupPolicies",
            "sso:GetInlinePolicyForPermissionSet",
            "iam:GetUserPolicy",
            "iam:GetRolePolicy",
            "iam:GetGroupPolicy",
            "iam:DeleteUserPolicy",
            "iam:DeleteRolePolicy",
            "iam:DeleteGroupPolicy");

    public static final ResourceType SSO_USER = type(
            SSO_USER_ID,
            "SSO User",
            Trait.TRAIT_USER,
            List.of(SkipEntitlementsAndGrants.getDefaultInstance(), v1(SSO_USER_ID)),
            "identitystore:ListUsers",
            "sso:ListInstances",
            "identitystore:CreateUser",
            "identitystore:DeleteUser");

    public static final ResourceType SSO_GROUP = type(
            SSO_GROUP_ID,
            "SSO Group",
            Trait.TRAIT_GROUP,
            List.of(v1(SSO_GROUP_ID)),
            "sso:ListInstances",
            "identitystore:ListGroups",
            "identitystore:ListGroupMemberships",
            "identitystore:GetGroupMembershipId",
            "identitystore:CreateGroupMembership",
            "identitystore:DeleteGroupMembership");

    public static final ResourceType ACCOUNT = type(
            ACCOUNT_ID,
            "Account",
            Trait.TRAIT_APP,
            List.of(v1(ACCOUNT_ID), child(PERMISSION_SET_ASSIGNMENT_ID)),
            "organizations:ListAccounts",
            "organizations:DescribeOrganization",
            "organizations:ListParents",
            "sso:ListPermissionSets",
            "sso:DescribePermissionSet",
            "sso:ListPermissionSetsProvisionedToAccount",
            "sso:ListAccountAssignments",
            "sso:ListInstances",
            "sso:CreateAccountAssignment",
            "sso:DeleteAccountAssignment",
            "sso:DescribeAccountAssignmentCreationStatus",
            "sso:DescribeAccountAssignmentDeletionStatus",
            "iam:ListPolicies",
            "iam:AttachRolePolicy",
            "iam:CreateRole",
            "iam:DeleteRole",
            "iam:DeleteRolePolicy",
            "iam:DetachRolePolicy",
            "iam:GetRole",
            "iam:ListAttachedRolePolicies",
            "iam:ListRolePolicies",
            "iam:PutRolePolicy",
            "iam:UpdateRole",
            "iam:UpdateRoleDescription",
            "iam:GetSAMLProvider");

    public static final ResourceType ACCOUNT_IAM = type(
            ACCOUNT_IAM_ID,
            "Account IAM",
            Trait.TRAIT_APP,
            List.of(SkipEntitlementsAndGrants.getDefaultInstance(), v1(ACCOUNT_IAM_ID)),
            "iam:ListAccountAliases");

    public static final ResourceType ACCESS_KEY = type(
            ACCESS_KEY_ID,
            "Access Key",
            Trait.TRAIT_SECRET,
            List.of(SkipEntitlementsAndGrants.getDefaultInstance()),
            "iam:ListAccessKeys",
            "iam:GetAccessKeyLastUsed");

    public static final ResourceType PERMISSION_SET = type(
            PERMISSION_SET_ID,
            "Permission Set",
            Trait.TRAIT_ROLE,
            List.of(SkipEntitlements.getDefaultInstance(), OptInRequired.getDefaultInstance()),
            "sso:ListInstances",
            "sso:ListPermissionSets",
            "sso:DescribePermissionSet",
            "sso:ListManagedPoliciesInPermissionSet");

    public static final ResourceType PERMISSION_SET_ASSIGNMENT = type(
            PERMISSION_SET_ASSIGNMENT_ID,
            "Permission Set Assignment",
            Trait.TRAIT_SCOPE_BINDING,
            List.of(OptInRequired.getDefaultInstance()),
            "sso:ListInstances",
            "sso:ListPermissionSetsProvisionedToAccount",
            "sso:DescribePermissionSet",
            "sso:ListAccountAssignments",
            "sso:ListManagedPoliciesInPermissionSet",
            "sso:ListCustomerManagedPolicyReferencesInPermissionSet",
            "sso:CreateAccountAssignment",
            "sso:DeleteAccountAssignment",
            "sso:DescribeAccountAssignmentCreationStatus",
            "sso:DescribeAccountAssignmentDeletionStatus",
            "organizations:DescribeAccount");

    public static final ResourceType ORGANIZATION = type(
            ORGANIZATION_ID,
            "Organization Root",
            null,
            List.of(
                    SkipEntitlementsAndGrants.getDefaultInstance(),
                    OptInRequired.getDefaultInstance(),
                    child(ORGANIZATIONAL_UNIT_ID)),
            "organizations:ListRoots",
            "organizations:ListOrganizationalUnitsForParent");

    public static final ResourceType ORGANIZATIONAL_UNIT = type(
            ORGANIZATIONAL_UNIT_ID,
            "Organizational Unit",
            null,
            List.of(
                    SkipEntitlementsAndGrants.getDefaultInstance(),
                    OptInRequired.getDefaultInstance(),
                    child(ORGANIZATIONAL_UNIT_ID)),
            "organizations:ListOrganizationalUnitsForParent");

    /** All 14 types, in upstream registration order. */
    public static final List<ResourceType> ALL = List.of(
            IAM_USER,
            ROLE,
            GROUP,
            IAM_POLICY,
            INLINE_POLICY,
            SSO_USER,
            SSO_GROUP,
            ACCOUNT,
            ACCOUNT_IAM,
            ACCESS_KEY,
            PERMISSION_SET,
            PERMISSION_SET_ASSIGNMENT,
            ORGANIZATION,
            ORGANIZATIONAL_UNIT);

    private ResourceTypes() {}

    /**
     * A copy of {@code type} that also carries {@code SkipEntitlementsAndGrants}: used for iam_user and
     * permission_set when iam_policy is not synced, since their only grants are policy attachments.
     */
    public static ResourceType withoutGrants(ResourceType type) {
        int index = type.getAnnotationsList().size() - 1; // before CapabilityPermissions, which stays last
        List<Any> annotations = new ArrayList<>(type.getAnnotationsList());
        annotations.add(index, Any.pack(SkipEntitlementsAndGrants.getDefaultInstance()));
        return type.toBuilder()
                .clearAnnotations()
                .addAllAnnotations(annotations)
                .build();
    }

    /** An iam_policy resource carries {@code SkipGrants}: its grants are emitted by the principals. */
    public static SkipGrants skipGrants() {
        return SkipGrants.getDefaultInstance();
    }

    private static ResourceType type(
            String id, String displayName, Trait trait, List<Message> annotations, String... permissions) {
        ResourceType.Builder builder = ResourceType.newBuilder().setId(id).setDisplayName(displayName);
        if (trait != null) {
            builder.addTraits(trait);
        }
        annotations.forEach(annotation -> builder.addAnnotations(Any.pack(annotation)));
        CapabilityPermissions.Builder perms = CapabilityPermissions.newBuilder();
        for (String permission : permissions) {
            perms.addPermissions(CapabilityPermission.newBuilder().setPermission(permission));
        }
        return builder.addAnnotations(Any.pack(perms.build())).build();
    }

    private static V1Identifier v1(String id) {
        return V1Identifier.newBuilder().setId(id).build();
    }

    private static ChildResourceType child(String resourceTypeId) {
        return ChildResourceType.newBuilder().setResourceTypeId(resourceTypeId).build();
    }
}
