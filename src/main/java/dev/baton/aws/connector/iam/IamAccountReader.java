package dev.baton.aws.connector.iam;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
import dev.baton.aws.connector.iam.IamRecords.ManagedPolicy;
import dev.baton.aws.connector.iam.IamRecords.PrincipalKind;
import dev.baton.aws.connector.iam.IamRecords.Role;
import dev.baton.aws.connector.iam.IamRecords.User;
import dev.baton.aws.connector.iam.IamRecords.UserKeys;
import dev.baton.aws.spi.Page;
import dev.baton.aws.spi.PageToken;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/**
 * The IAM of one account as the syncers see it. Two implementations: {@link SnapshotIamReader} answers from one
 * GetAccountAuthorizationDetails + credential-report snapshot, {@link PerEntityIamReader} makes upstream's
 * per-entity calls. Errors are thrown with their {@code ErrorKind}; the syncers decide what is fail-soft.
 */
interface IamAccountReader {
    String accountId();

    Page<User> users(PageToken token) throws AwsCallException;

    Page<Group> groups(PageToken token) throws AwsCallException;

    Page<Role> roles(PageToken token) throws AwsCallException;

    /** The role with its trust policy; empty when it no longer exists. */
    Optional<Role> role(String roleArn) throws AwsCallException;

    /** ARNs of the users in the group (NOT_FOUND when the group does not exist). */
    List<String> groupMembers(String groupArn) throws AwsCallException;

    List<AttachedPolicy> attachedPolicies(PrincipalKind kind, String principalArn) throws AwsCallException;

    List<InlinePolicy> inlinePolicies(PrincipalKind kind, String principalArn) throws AwsCallException;

    /**
     * One page of users with their access keys. A NOT_FOUND or ACCESS_DENIED on one user's keys skips that user's
     * keys with a warning.
     */
    Page<UserKeys> accessKeys(PageToken token) throws AwsCallException;

    /**
     * One page of managed policies, as {@code ListPolicies(Scope, OnlyAttached)} pages them (the page token is
     * the reader's own).
     */
    Page<ManagedPolicy> policies(PolicyScopeType scope, boolean onlyAttached, PageToken token) throws AwsCallException;

    /** The default version's decoded document. */
    String policyDocument(ManagedPolicy policy) throws AwsCallException;
}
