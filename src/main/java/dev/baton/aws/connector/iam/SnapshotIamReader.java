package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.connector.iam.CredentialReport.KeySlot;
import dev.baton.aws.connector.iam.CredentialReport.Row;
import dev.baton.aws.connector.iam.IamAccountSnapshot.ListedPolicy;
import dev.baton.aws.connector.iam.IamRecords.AccessKey;
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
import dev.baton.aws.spi.SyncWarnings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/**
 * Answers from one {@link IamAccountSnapshot}. Pages are slices of the snapshot (the token is the offset). Only
 * these still call AWS: ListAccessKeys for users the credential report shows with a key (key ids are not in the
 * report); the per-entity credential reads of users the report does not list yet (AWS keeps a report for up to
 * four hours); and ListPolicies(Scope=AWS) plus GetPolicyVersion for AWS-managed policies not in use in the account
 * (GAAD omits them).
 */
final class SnapshotIamReader implements IamAccountReader {
    static final int PAGE_SIZE = 100;
    private static final String AWS_MANAGED = "aws-managed:";

    private final IamAccountSnapshot snapshot;
    private final PerEntityIamReader calls;
    private final SyncWarnings warnings;
    private final Map<String, Role> rolesByArn = new HashMap<>();

    SnapshotIamReader(IamAccountSnapshot snapshot, IamCalls iam, SyncWarnings warnings) {
        this.snapshot = requireNonNull(snapshot, "snapshot is null");
        this.calls = new PerEntityIamReader(iam, warnings);
        this.warnings = warnings;
        snapshot.roles().forEach(role -> rolesByArn.put(role.arn(), role));
    }

    @Override
    public String accountId() {
        return snapshot.accountId();
    }

    /** Users the credential report does not list yet get their credential facts per entity. */
    @Override
    public Page<User> users(PageToken token) throws AwsCallException {
        Page<User> page = slice(snapshot.users(), token);
        List<User> users = new ArrayList<>();
        for (User user : page.items()) {
            users.add(snapshot.report().row(user.arn()) != null ? user : calls.unreported(user));
        }
        return new Page<>(users, page.next());
    }

    @Override
    public Page<Group> groups(PageToken token) {
        return slice(snapshot.groups(), token);
    }

    @Override
    public Page<Role> roles(PageToken token) {
        return slice(snapshot.roles(), token);
    }

    @Override
    public Optional<Role> role(String roleArn) {
        return Optional.ofNullable(rolesByArn.get(roleArn));
    }

    @Override
    public List<String> groupMembers(String groupArn) {
        return snapshot.groupMembers().getOrDefault(groupArn, List.of());
    }

    @Override
    public List<AttachedPolicy> attachedPolicies(PrincipalKind kind, String principalArn) {
        return snapshot.attached().getOrDefault(principalArn, List.of());
    }

    @Override
    public List<InlinePolicy> inlinePolicies(PrincipalKind kind, String principalArn) {
        return snapshot.inline().getOrDefault(principalArn, List.of());
    }

    @Override
    public Page<UserKeys> accessKeys(PageToken token) throws AwsCallException {
        Page<User> users = slice(snapshot.users(), token);
        List<UserKeys> keys = new ArrayList<>();
        for (User user : users.items()) {
            try {
                keys.add(new UserKeys(user.arn(), user.name(), accessKeys(user)));
            } catch (AwsCallException e) {
                if (!e.kind().skippable()) {
                    throw e;
                }
                warnings.warn("baton-aws: skipping access keys of IAM user " + user.arn() + ": " + e.errorCode());
                keys.add(new UserKeys(user.arn(), user.name(), List.of()));
            }
        }
        return new Page<>(keys, users.next());
    }

    private List<AccessKey> accessKeys(User user) throws AwsCallException {
        Row row = snapshot.report().row(user.arn());
        if (row == null) {
            return calls.accessKeys(user.arn(), user.name()); // created after the report
        }
        if (row.keySlots().isEmpty()) {
            return List.of(); // the report says the user has no key: no call needed
        }
        List<AccessKeyMetadata> listed = calls.listAccessKeys(user.arn(), user.name());
        List<AccessKey> keys = new ArrayList<>();
        List<KeySlot> unmatched = new ArrayList<>(row.keySlots());
        for (AccessKeyMetadata key : listed) {
            Instant created = IamValues.seconds(key.createDate());
            // The report has slots, not key ids: a key is the slot created at the same second (in slot order
            // when two keys share a creation second, as ListAccessKeys lists them in creation order too).
            Optional<KeySlot> slot = unmatched.stream()
                    .filter(s -> s.lastRotated().equals(created))
                    .findFirst();
            if (slot.isPresent()) {
                unmatched.remove(slot.get());
                keys.add(new AccessKey(
                        key.accessKeyId(),
                        key.statusAsString(),
                        created,
                        slot.get().lastUsed()));
            } else {
                // Created after the report was generated: ask for this key only.
                keys.addAll(calls.accessKeys(user.arn(), user.name()).stream()
                        .filter(k -> k.accessKeyId().equals(key.accessKeyId()))
                        .toList());
            }
        }
        return keys;
    }

    /**
     * From GAAD's policy list, which holds every customer-managed policy and the AWS-managed ones in use here. Only
     * a listing that wants AWS-managed policies attached nowhere in this account (scope All or AWS without
     * OnlyAttached) still calls ListPolicies(Scope=AWS), after the customer-managed ones, as ListPolicies(All)
     * orders them; its tokens are the marker behind {@value #AWS_MANAGED}.
     */
    @Override
    public Page<ManagedPolicy> policies(PolicyScopeType scope, boolean onlyAttached, PageToken token)
            throws AwsCallException {
        List<ManagedPolicy> fromSnapshot = snapshot.managedPolicies().stream()
                .filter(listed -> !onlyAttached || listed.attached())
                .map(ListedPolicy::policy)
                .filter(policy -> switch (scope) {
                    case LOCAL -> !policy.awsManaged();
                    case AWS -> policy.awsManaged();
                    case ALL, UNKNOWN_TO_SDK_VERSION -> true;
                })
                .toList();
        if (onlyAttached || scope == PolicyScopeType.LOCAL) {
            return slice(fromSnapshot, token);
        }
        if (!token.value().startsWith(AWS_MANAGED)) {
            Page<ManagedPolicy> local =
                    slice(fromSnapshot.stream().filter(p -> !p.awsManaged()).toList(), token);
            return local.hasNext() ? local : new Page<>(local.items(), PageToken.of(AWS_MANAGED));
        }
        String marker = token.value().substring(AWS_MANAGED.length());
        Page<ManagedPolicy> awsManaged = calls.policies(PolicyScopeType.AWS, false, PageToken.of(marker));
        return awsManaged.hasNext()
                ? Page.of(awsManaged.items(), AWS_MANAGED + awsManaged.next().value())
                : awsManaged;
    }

    @Override
    public String policyDocument(ManagedPolicy policy) throws AwsCallException {
        String document = snapshot.policyDocuments().get(policy.arn());
        return document != null ? document : calls.policyDocument(policy);
    }

    private static <T> Page<T> slice(List<T> items, PageToken token) {
        int from = token.isFirst() ? 0 : Integer.parseInt(token.value());
        int to = Math.min(items.size(), from + PAGE_SIZE);
        return Page.of(items.subList(Math.min(from, to), to), to < items.size() ? Integer.toString(to) : null);
    }
}
