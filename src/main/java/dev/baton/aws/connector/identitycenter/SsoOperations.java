package dev.baton.aws.connector.identitycenter;

import dev.baton.aws.aws.AwsOperation;
import java.util.List;

/**
 * Every AWS operation the Identity Center syncers and provisioners call, named as IAM policies name their
 * permissions ({@code sso:ListInstances}). Call sites add the account and the object with
 * {@link AwsOperation#in} and {@link AwsOperation#on}. The "IAM Identity Center" section of the AWS calls document
 * in {@code docs/} lists the same set (a test keeps the two equal).
 */
final class SsoOperations {
    // SSO Admin: the instance, permission sets and account assignments
    static final AwsOperation LIST_INSTANCES = sso("ListInstances");
    static final AwsOperation LIST_PERMISSION_SETS = sso("ListPermissionSets");
    static final AwsOperation DESCRIBE_PERMISSION_SET = sso("DescribePermissionSet");
    static final AwsOperation LIST_PERMISSION_SETS_PROVISIONED_TO_ACCOUNT =
            sso("ListPermissionSetsProvisionedToAccount");
    static final AwsOperation LIST_MANAGED_POLICIES_IN_PERMISSION_SET = sso("ListManagedPoliciesInPermissionSet");
    static final AwsOperation LIST_CUSTOMER_MANAGED_POLICY_REFERENCES_IN_PERMISSION_SET =
            sso("ListCustomerManagedPolicyReferencesInPermissionSet");
    static final AwsOperation GET_INLINE_POLICY_FOR_PERMISSION_SET = sso("GetInlinePolicyForPermissionSet");
    static final AwsOperation LIST_ACCOUNT_ASSIGNMENTS = sso("ListAccountAssignments");
    static final AwsOperation LIST_ACCOUNT_ASSIGNMENTS_FOR_PRINCIPAL = sso("ListAccountAssignmentsForPrincipal");
    static final AwsOperation CREATE_ACCOUNT_ASSIGNMENT = sso("CreateAccountAssignment");
    static final AwsOperation DELETE_ACCOUNT_ASSIGNMENT = sso("DeleteAccountAssignment");
    static final AwsOperation DESCRIBE_ACCOUNT_ASSIGNMENT_CREATION_STATUS =
            sso("DescribeAccountAssignmentCreationStatus");
    static final AwsOperation DESCRIBE_ACCOUNT_ASSIGNMENT_DELETION_STATUS =
            sso("DescribeAccountAssignmentDeletionStatus");

    // Identity Store: users, groups and memberships
    static final AwsOperation LIST_USERS = identityStore("ListUsers");
    static final AwsOperation LIST_GROUPS = identityStore("ListGroups");
    static final AwsOperation LIST_GROUP_MEMBERSHIPS = identityStore("ListGroupMemberships");
    static final AwsOperation CREATE_USER = identityStore("CreateUser");
    static final AwsOperation DELETE_USER = identityStore("DeleteUser");
    static final AwsOperation CREATE_GROUP_MEMBERSHIP = identityStore("CreateGroupMembership");
    static final AwsOperation GET_GROUP_MEMBERSHIP_ID = identityStore("GetGroupMembershipId");
    static final AwsOperation DELETE_GROUP_MEMBERSHIP = identityStore("DeleteGroupMembership");

    // CloudTrail (last sign-in) and Organizations (account state before an assignment write)
    static final AwsOperation LOOKUP_EVENTS = AwsOperation.of("cloudtrail", "LookupEvents");
    static final AwsOperation DESCRIBE_ACCOUNT = AwsOperation.of("organizations", "DescribeAccount");

    private SsoOperations() {}

    /** All of the above, in the order the docs list them. */
    static List<AwsOperation> all() {
        return List.of(
                LIST_INSTANCES,
                LIST_PERMISSION_SETS,
                DESCRIBE_PERMISSION_SET,
                LIST_PERMISSION_SETS_PROVISIONED_TO_ACCOUNT,
                LIST_MANAGED_POLICIES_IN_PERMISSION_SET,
                LIST_CUSTOMER_MANAGED_POLICY_REFERENCES_IN_PERMISSION_SET,
                GET_INLINE_POLICY_FOR_PERMISSION_SET,
                LIST_ACCOUNT_ASSIGNMENTS,
                LIST_ACCOUNT_ASSIGNMENTS_FOR_PRINCIPAL,
                CREATE_ACCOUNT_ASSIGNMENT,
                DELETE_ACCOUNT_ASSIGNMENT,
                DESCRIBE_ACCOUNT_ASSIGNMENT_CREATION_STATUS,
                DESCRIBE_ACCOUNT_ASSIGNMENT_DELETION_STATUS,
                LIST_USERS,
                LIST_GROUPS,
                LIST_GROUP_MEMBERSHIPS,
                CREATE_USER,
                DELETE_USER,
                CREATE_GROUP_MEMBERSHIP,
                GET_GROUP_MEMBERSHIP_ID,
                DELETE_GROUP_MEMBERSHIP,
                LOOKUP_EVENTS,
                DESCRIBE_ACCOUNT);
    }

    private static AwsOperation sso(String operation) {
        return AwsOperation.of("sso", operation);
    }

    private static AwsOperation identityStore(String operation) {
        return AwsOperation.of("identitystore", operation);
    }
}
