package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
import dev.baton.aws.connector.iam.IamRecords.ManagedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Role;
import dev.baton.aws.connector.iam.IamRecords.User;
import java.util.List;
import java.util.Map;

/**
 * Everything the IAM syncers read about one account, collected once per account per sync from
 * GetAccountAuthorizationDetails (every page), ListRoles (descriptions and session limits, which GAAD omits) and
 * the credential report. GAAD's policy list also stands in for this account's ListPolicies. Immutable; maps are
 * keyed by ARN.
 *
 * @param groupMembers     group ARN to member user ARNs, from each user's group list
 * @param attached         principal ARN to attached managed policies
 * @param inline           principal ARN to inline policies with their documents
 * @param managedPolicies  GAAD's managed policies in its order: every customer-managed one, and the AWS-managed
 *                         ones in use in this account
 * @param policyDocuments  managed policy ARN to its default version's document (customer-managed, and AWS-managed
 *                         ones attached in this account)
 * @param report           the credential report, for access-key use without per-key calls
 */
record IamAccountSnapshot(
        String accountId,
        List<User> users,
        List<Group> groups,
        List<Role> roles,
        Map<String, List<String>> groupMembers,
        Map<String, List<AttachedPolicy>> attached,
        Map<String, List<InlinePolicy>> inline,
        List<ListedPolicy> managedPolicies,
        Map<String, String> policyDocuments,
        CredentialReport report) {
    IamAccountSnapshot {
        requireNonNull(accountId, "accountId is null");
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        groupMembers = Map.copyOf(groupMembers);
        attached = Map.copyOf(attached);
        inline = Map.copyOf(inline);
        managedPolicies = List.copyOf(managedPolicies);
        policyDocuments = Map.copyOf(policyDocuments);
        requireNonNull(report, "report is null");
    }

    /**
     * A managed policy as ListPolicies would list it.
     *
     * @param attached AttachmentCount above zero (ListPolicies' OnlyAttached; permissions-boundary use does not count)
     */
    record ListedPolicy(ManagedPolicy policy, boolean attached) {
        ListedPolicy {
            requireNonNull(policy, "policy is null");
        }
    }
}
