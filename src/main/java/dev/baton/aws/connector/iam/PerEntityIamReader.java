package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.IamCall.decodeDocument;
import static dev.baton.aws.connector.iam.IamCall.seconds;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.ErrorKind;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Upstream's call pattern: one List call per page plus per-entity calls for what the list omits (tags, keys and
 * their last use, MFA devices, login profile). Used when the account denies the fast path or it is switched off.
 * A NOT_FOUND or ACCESS_DENIED on one entity's detail call drops only that detail, with one warning per entity.
 */
final class PerEntityIamReader implements IamAccountReader {
    private final IamClient iam;
    private final String accountId;
    private final SyncWarnings warnings;
    private final InlinePolicyCalls inlineCalls;

    PerEntityIamReader(IamClient iam, String accountId, SyncWarnings warnings) {
        this.iam = requireNonNull(iam, "iam is null");
        this.accountId = requireNonNull(accountId, "accountId is null");
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.inlineCalls = new InlinePolicyCalls(iam, accountId);
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public Page<User> users(PageToken token) throws AwsCallException {
        ListUsersResponse response = IamCall.call("ListUsers", accountId, "",
                () -> iam.listUsers(b -> b.marker(marker(token))));
        List<User> users = new ArrayList<>();
        for (software.amazon.awssdk.services.iam.model.User user : response.users()) {
            users.add(user(user));
        }
        return Page.of(users, response.isTruncated() ? response.marker() : null);
    }

    private User user(software.amazon.awssdk.services.iam.model.User user) throws AwsCallException {
        List<String> skipped = new ArrayList<>();
        String name = user.userName();
        var details = soft("GetUser", user.arn(), () -> iam.getUser(b -> b.userName(name)).user(), skipped);
        Map<String, String> tags = details == null ? Map.of() : tags(details.tags());
        return withCredentials(new User(user.arn(), name, user.path(), user.userId(), tags,
                seconds(user.passwordLastUsed()), List.of(), false, false), skipped);
    }

    /**
     * A user the credential report does not list yet (created after the report, which AWS keeps for up to four
     * hours): its credential facts read the per-entity way, the rest as the snapshot has it.
     */
    User unreported(User fromSnapshot) throws AwsCallException {
        List<String> skipped = new ArrayList<>();
        String name = fromSnapshot.name();
        var details = soft("GetUser", fromSnapshot.arn(), () -> iam.getUser(b -> b.userName(name)).user(), skipped);
        return withCredentials(new User(fromSnapshot.arn(), name, fromSnapshot.path(), fromSnapshot.userId(),
                fromSnapshot.tags(), details == null ? null : seconds(details.passwordLastUsed()), List.of(), false,
                false), skipped);
    }

    /** {@code user} with its keys' last use, MFA and console access; warns once when a detail was skipped. */
    private User withCredentials(User user, List<String> skipped) throws AwsCallException {
        String name = user.name();
        List<Instant> keysLastUsed = new ArrayList<>();
        for (AccessKey key : accessKeys(user.arn(), name, skipped)) {
            if (key.lastUsed() != null) {
                keysLastUsed.add(key.lastUsed());
            }
        }
        Boolean mfa = soft("ListMFADevices", user.arn(),
                () -> !iam.listMFADevices(b -> b.userName(name)).mfaDevices().isEmpty(), skipped);
        boolean console = hasLoginProfile(user.arn(), name, skipped);
        if (!skipped.isEmpty()) {
            warnings.warn("baton-aws: incomplete IAM user " + user.arn() + ": " + String.join(", ", skipped));
        }
        return new User(user.arn(), name, user.path(), user.userId(), user.tags(), user.passwordLastUsed(),
                keysLastUsed, Boolean.TRUE.equals(mfa), console);
    }

    private boolean hasLoginProfile(String arn, String name, List<String> skipped) throws AwsCallException {
        try {
            IamCall.call("GetLoginProfile", accountId, arn, () -> iam.getLoginProfile(b -> b.userName(name)));
            return true;
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false; // no console password: the normal case, not a skip
            }
            if (!IamSoftErrors.isSoft(e)) {
                throw e;
            }
            skipped.add("GetLoginProfile " + e.errorCode());
            return false;
        }
    }

    @Override
    public Page<Group> groups(PageToken token) throws AwsCallException {
        var response = IamCall.call("ListGroups", accountId, "", () -> iam.listGroups(b -> b.marker(marker(token))));
        List<Group> groups = response.groups().stream()
                .map(g -> new Group(g.arn(), g.groupName(), g.path(), g.groupId()))
                .toList();
        return Page.of(groups, response.isTruncated() ? response.marker() : null);
    }

    @Override
    public Page<Role> roles(PageToken token) throws AwsCallException {
        ListRolesResponse response = IamCall.call("ListRoles", accountId, "",
                () -> iam.listRoles(b -> b.marker(marker(token))));
        List<Role> roles = new ArrayList<>();
        for (software.amazon.awssdk.services.iam.model.Role role : response.roles()) {
            List<String> skipped = new ArrayList<>();
            // ListRoles omits tags; GetRole is the only per-role source of them.
            var details = soft("GetRole", role.arn(), () -> iam.getRole(b -> b.roleName(role.roleName())).role(),
                    skipped);
            if (!skipped.isEmpty()) {
                warnings.warn("baton-aws: incomplete IAM role " + role.arn() + ": " + String.join(", ", skipped));
            }
            roles.add(role(role, details == null ? Map.of() : tags(details.tags())));
        }
        return Page.of(roles, response.isTruncated() ? response.marker() : null);
    }

    static Role role(software.amazon.awssdk.services.iam.model.Role role, Map<String, String> tags) {
        return new Role(role.arn(), role.roleName(), role.path(),
                role.description() == null ? "" : role.description(), role.maxSessionDuration(), tags,
                decodeDocument(role.assumeRolePolicyDocument()));
    }

    @Override
    public Optional<Role> role(String roleArn) throws AwsCallException {
        String name = Arn.parse(roleArn).name();
        try {
            var role = IamCall.call("GetRole", accountId, roleArn, () -> iam.getRole(b -> b.roleName(name)).role());
            return Optional.of(role(role, tags(role.tags())));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<String> groupMembers(String groupArn) throws AwsCallException {
        // Read by the name in the ARN (upstream used the display name: quirk 5, fixed).
        String name = Arn.parse(groupArn).name();
        List<String> members = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            var response = IamCall.call("GetGroup", accountId, groupArn,
                    () -> iam.getGroup(b -> b.groupName(name).marker(current)));
            response.users().forEach(user -> members.add(user.arn()));
            marker = response.isTruncated() ? response.marker() : null;
        } while (marker != null);
        return members;
    }

    @Override
    public List<AttachedPolicy> attachedPolicies(PrincipalKind kind, String principalArn) throws AwsCallException {
        String name = Arn.parse(principalArn).name();
        List<AttachedPolicy> policies = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            var page = switch (kind) {
                case USER -> IamCall.call("ListAttachedUserPolicies", accountId, principalArn, () -> {
                    var r = iam.listAttachedUserPolicies(b -> b.userName(name).marker(current));
                    return new Chunk<>(r.attachedPolicies(), r.isTruncated() ? r.marker() : null);
                });
                case GROUP -> IamCall.call("ListAttachedGroupPolicies", accountId, principalArn, () -> {
                    var r = iam.listAttachedGroupPolicies(b -> b.groupName(name).marker(current));
                    return new Chunk<>(r.attachedPolicies(), r.isTruncated() ? r.marker() : null);
                });
                case ROLE -> IamCall.call("ListAttachedRolePolicies", accountId, principalArn, () -> {
                    var r = iam.listAttachedRolePolicies(b -> b.roleName(name).marker(current));
                    return new Chunk<>(r.attachedPolicies(), r.isTruncated() ? r.marker() : null);
                });
            };
            page.items().forEach(p -> policies.add(new AttachedPolicy(p.policyName(), p.policyArn())));
            marker = page.marker();
        } while (marker != null);
        return policies;
    }

    @Override
    public List<InlinePolicy> inlinePolicies(PrincipalKind kind, String principalArn) throws AwsCallException {
        List<String> names;
        try {
            names = inlineCalls.names(kind, principalArn);
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return List.of();
            }
            throw e;
        }
        List<InlinePolicy> policies = new ArrayList<>();
        for (String policyName : names) {
            String document;
            try {
                document = inlineCalls.document(kind, principalArn, policyName);
            } catch (AwsCallException e) {
                if (!IamSoftErrors.isSoft(e)) {
                    throw e;
                }
                warnings.warn("baton-aws: unable to fetch inline policy document, skipping: "
                        + principalArn + " " + policyName + " (" + e.errorCode() + ")");
                document = "";
            }
            policies.add(new InlinePolicy(policyName, document));
        }
        return policies;
    }

    @Override
    public Page<UserKeys> accessKeys(PageToken token) throws AwsCallException {
        ListUsersResponse response = IamCall.call("ListUsers", accountId, "",
                () -> iam.listUsers(b -> b.marker(marker(token))));
        List<UserKeys> users = new ArrayList<>();
        for (software.amazon.awssdk.services.iam.model.User user : response.users()) {
            List<String> skipped = new ArrayList<>();
            List<AccessKey> keys;
            try {
                keys = accessKeys(user.arn(), user.userName(), skipped);
            } catch (AwsCallException e) {
                if (!IamSoftErrors.isSoft(e)) {
                    throw e;
                }
                skipped.add("ListAccessKeys " + e.errorCode());
                keys = List.of();
            }
            if (!skipped.isEmpty()) {
                warnings.warn("baton-aws: incomplete access keys of " + user.arn() + ": " + String.join(", ", skipped));
            }
            users.add(new UserKeys(user.arn(), user.userName(), keys));
        }
        return Page.of(users, response.isTruncated() ? response.marker() : null);
    }

    /** One user's keys with their last use (GetAccessKeyLastUsed per key). */
    List<AccessKey> accessKeys(String userArn, String userName) throws AwsCallException {
        List<String> skipped = new ArrayList<>();
        List<AccessKey> keys = accessKeys(userArn, userName, skipped);
        if (!skipped.isEmpty()) {
            warnings.warn("baton-aws: incomplete access keys of " + userArn + ": " + String.join(", ", skipped));
        }
        return keys;
    }

    private List<AccessKey> accessKeys(String userArn, String userName, List<String> skipped)
            throws AwsCallException {
        List<AccessKeyMetadata> listed = IamCall.call("ListAccessKeys", accountId, userArn,
                () -> iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata());
        List<AccessKey> keys = new ArrayList<>();
        for (AccessKeyMetadata key : listed) {
            Instant lastUsed = soft("GetAccessKeyLastUsed", userArn,
                    () -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())).accessKeyLastUsed()
                            .lastUsedDate(), skipped);
            keys.add(new AccessKey(key.accessKeyId(), key.statusAsString(), seconds(key.createDate()),
                    seconds(lastUsed)));
        }
        return keys;
    }

    @Override
    public Page<ManagedPolicy> policies(PolicyScopeType scope, boolean onlyAttached, PageToken token)
            throws AwsCallException {
        ListPoliciesResponse response = IamCall.call("ListPolicies", accountId, "", () -> iam.listPolicies(b -> b
                .scope(scope).onlyAttached(onlyAttached).marker(marker(token))));
        List<ManagedPolicy> policies = response.policies().stream().map(listed -> new ManagedPolicy(listed.arn(),
                listed.policyName(), listed.description() == null ? "" : listed.description(),
                listed.defaultVersionId() == null ? "" : listed.defaultVersionId())).toList();
        return Page.of(policies, response.isTruncated() ? response.marker() : null);
    }

    @Override
    public String policyDocument(ManagedPolicy policy) throws AwsCallException {
        return decodeDocument(IamCall.call("GetPolicyVersion", accountId, policy.arn(),
                () -> iam.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
                        .policyVersion().document()));
    }

    private <T> T soft(String operation, String arn, IamCall.Call<T> call, List<String> skipped)
            throws AwsCallException {
        try {
            return IamCall.call(operation, accountId, arn, call);
        } catch (AwsCallException e) {
            if (!IamSoftErrors.isSoft(e)) {
                throw e;
            }
            skipped.add(operation + " " + e.errorCode());
            return null;
        }
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(tag -> map.put(tag.key(), tag.value()));
        return map;
    }

    private static String marker(PageToken token) {
        return token.isFirst() ? null : token.value();
    }

    private record Chunk<T>(List<T> items, String marker) {}
}
