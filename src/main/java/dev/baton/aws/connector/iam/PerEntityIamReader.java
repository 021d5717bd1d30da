package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.IamValues.decodeDocument;
import static dev.baton.aws.connector.iam.IamValues.seconds;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.Arn;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ResourceTypes;
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
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyLastUsed;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Upstream's call pattern: one List call per page plus per-entity calls for what the list omits (tags, keys and
 * their last use, MFA devices, login profile). Used when the account denies the fast path or it is switched off.
 * A NOT_FOUND or ACCESS_DENIED on one entity's detail call drops only that detail, with one warning per entity.
 * An entity AWS lists without an ARN is skipped with one warning.
 */
final class PerEntityIamReader implements IamAccountReader {
    private final IamCalls calls;
    private final IamClient iam;
    private final SyncWarnings warnings;
    private final InlinePolicyCalls inlineCalls;

    PerEntityIamReader(IamCalls calls, SyncWarnings warnings) {
        this.calls = requireNonNull(calls, "calls is null");
        this.iam = calls.client();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.inlineCalls = new InlinePolicyCalls(calls);
    }

    @Override
    public String accountId() {
        return calls.accountId();
    }

    @Override
    public Page<User> users(PageToken token) throws AwsCallException {
        String requested = marker(token);
        ListUsersResponse response = calls.call("ListUsers", "", () -> iam.listUsers(b -> b.marker(requested)));
        List<User> users = new ArrayList<>();
        for (software.amazon.awssdk.services.iam.model.User user : identifiedUsers(response.users())) {
            users.add(user(user));
        }
        return Page.of(users, AwsPaging.nextMarker(response.isTruncated(), response.marker(), requested));
    }

    private User user(software.amazon.awssdk.services.iam.model.User user) throws AwsCallException {
        List<String> skipped = new ArrayList<>();
        String name = IamValues.name(user.userName(), user.arn());
        var details = soft(
                "GetUser", user.arn(), () -> iam.getUser(b -> b.userName(name)).user(), skipped);
        Map<String, String> tags = details == null ? Map.of() : tags(details.tags());
        return withCredentials(
                new User(
                        user.arn(),
                        name,
                        user.path(),
                        user.userId(),
                        tags,
                        seconds(user.passwordLastUsed()),
                        List.of(),
                        false,
                        false),
                skipped);
    }

    /**
     * A user the credential report does not list yet (created after the report, which AWS keeps for up to four
     * hours): its credential facts read the per-entity way, the rest as the snapshot has it.
     */
    User unreported(User fromSnapshot) throws AwsCallException {
        List<String> skipped = new ArrayList<>();
        String name = fromSnapshot.name();
        var details = soft(
                "GetUser",
                fromSnapshot.arn(),
                () -> iam.getUser(b -> b.userName(name)).user(),
                skipped);
        return withCredentials(
                new User(
                        fromSnapshot.arn(),
                        name,
                        fromSnapshot.path(),
                        fromSnapshot.userId(),
                        fromSnapshot.tags(),
                        details == null ? null : seconds(details.passwordLastUsed()),
                        List.of(),
                        false,
                        false),
                skipped);
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
        Boolean mfa = soft(
                "ListMFADevices",
                user.arn(),
                () -> !iam.listMFADevices(b -> b.userName(name)).mfaDevices().isEmpty(),
                skipped);
        boolean console = hasLoginProfile(user.arn(), name, skipped);
        if (!skipped.isEmpty()) {
            warnings.warn("baton-aws: incomplete IAM user " + user.arn() + ": " + String.join(", ", skipped));
        }
        return new User(
                user.arn(),
                name,
                user.path(),
                user.userId(),
                user.tags(),
                user.passwordLastUsed(),
                keysLastUsed,
                AwsValues.isTrue(mfa),
                console);
    }

    private boolean hasLoginProfile(String arn, String name, List<String> skipped) throws AwsCallException {
        try {
            calls.call("GetLoginProfile", arn, () -> iam.getLoginProfile(b -> b.userName(name)));
            return true;
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false; // no console password: the normal case, not a skip
            }
            if (!e.kind().skippable()) {
                throw e;
            }
            skipped.add("GetLoginProfile " + e.errorCode());
            return false;
        }
    }

    @Override
    public Page<Group> groups(PageToken token) throws AwsCallException {
        String requested = marker(token);
        var response = calls.call("ListGroups", "", () -> iam.listGroups(b -> b.marker(requested)));
        List<Group> groups = IamValues.withArn(
                        response.groups(),
                        software.amazon.awssdk.services.iam.model.Group::arn,
                        g -> AwsValues.firstText(g.groupId(), g.groupName()),
                        ResourceTypes.GROUP_ID,
                        warnings)
                .stream()
                .map(g -> new Group(g.arn(), g.groupName(), g.path(), g.groupId()))
                .toList();
        return Page.of(groups, AwsPaging.nextMarker(response.isTruncated(), response.marker(), requested));
    }

    @Override
    public Page<Role> roles(PageToken token) throws AwsCallException {
        String requested = marker(token);
        ListRolesResponse response = calls.call("ListRoles", "", () -> iam.listRoles(b -> b.marker(requested)));
        List<Role> roles = new ArrayList<>();
        for (software.amazon.awssdk.services.iam.model.Role role : IamValues.withArn(
                response.roles(),
                software.amazon.awssdk.services.iam.model.Role::arn,
                r -> AwsValues.firstText(r.roleId(), r.roleName()),
                ResourceTypes.ROLE_ID,
                warnings)) {
            List<String> skipped = new ArrayList<>();
            String name = IamValues.name(role.roleName(), role.arn());
            // ListRoles omits tags; GetRole is the only per-role source of them.
            var details = soft(
                    "GetRole",
                    role.arn(),
                    () -> iam.getRole(b -> b.roleName(name)).role(),
                    skipped);
            if (!skipped.isEmpty()) {
                warnings.warn("baton-aws: incomplete IAM role " + role.arn() + ": " + String.join(", ", skipped));
            }
            roles.add(role(role, details == null ? Map.of() : tags(details.tags())));
        }
        return Page.of(roles, AwsPaging.nextMarker(response.isTruncated(), response.marker(), requested));
    }

    static Role role(software.amazon.awssdk.services.iam.model.Role role, Map<String, String> tags) {
        return new Role(
                role.arn(),
                role.roleName(),
                role.path(),
                role.description(),
                role.maxSessionDuration(),
                tags,
                decodeDocument(role.assumeRolePolicyDocument()));
    }

    @Override
    public Optional<Role> role(String roleArn) throws AwsCallException {
        String name = Arn.parse(roleArn).name();
        try {
            var role = calls.call(
                    "GetRole", roleArn, () -> iam.getRole(b -> b.roleName(name)).role());
            if (role == null) {
                return Optional.empty();
            }
            // The ARN asked for is the role's: AWS's model requires it in the answer, but the object is known.
            return Optional.of(role(
                    role.toBuilder()
                            .arn(AwsValues.firstText(role.arn(), roleArn))
                            .build(),
                    tags(role.tags())));
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
            var response = calls.call(
                    "GetGroup",
                    groupArn,
                    () -> iam.getGroup(b -> b.groupName(name).marker(current)));
            identifiedUsers(response.users()).forEach(user -> members.add(user.arn()));
            marker = AwsPaging.nextMarker(response.isTruncated(), response.marker(), current);
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
                case USER ->
                    calls.call("ListAttachedUserPolicies", principalArn, () -> {
                        var r = iam.listAttachedUserPolicies(
                                b -> b.userName(name).marker(current));
                        return new Chunk<>(
                                r.attachedPolicies(), AwsPaging.nextMarker(r.isTruncated(), r.marker(), current));
                    });
                case GROUP ->
                    calls.call("ListAttachedGroupPolicies", principalArn, () -> {
                        var r = iam.listAttachedGroupPolicies(
                                b -> b.groupName(name).marker(current));
                        return new Chunk<>(
                                r.attachedPolicies(), AwsPaging.nextMarker(r.isTruncated(), r.marker(), current));
                    });
                case ROLE ->
                    calls.call("ListAttachedRolePolicies", principalArn, () -> {
                        var r = iam.listAttachedRolePolicies(
                                b -> b.roleName(name).marker(current));
                        return new Chunk<>(
                                r.attachedPolicies(), AwsPaging.nextMarker(r.isTruncated(), r.marker(), current));
                    });
            };
            policies.addAll(attached(page.items(), principalArn, warnings));
            marker = page.marker();
        } while (marker != null);
        return policies;
    }

    /** Attached policies as records; one AWS lists without an ARN is skipped with a warning. */
    static List<AttachedPolicy> attached(
            List<software.amazon.awssdk.services.iam.model.AttachedPolicy> listed,
            String principalArn,
            SyncWarnings warnings) {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (var policy : listed) {
            if (IamValues.absent(policy.policyArn())) {
                warnings.warn(IamValues.skipping(
                        "managed policy attachment of",
                        principalArn + (IamValues.absent(policy.policyName()) ? "" : " " + policy.policyName()),
                        "PolicyArn"));
            } else {
                policies.add(new AttachedPolicy(policy.policyName(), policy.policyArn()));
            }
        }
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
                if (!e.kind().skippable()) {
                    throw e;
                }
                warnings.warn("baton-aws: unable to fetch inline policy document, skipping: " + principalArn + " "
                        + policyName + " (" + e.errorCode() + ")");
                document = "";
            }
            policies.add(new InlinePolicy(policyName, document));
        }
        return policies;
    }

    @Override
    public Page<UserKeys> accessKeys(PageToken token) throws AwsCallException {
        String requested = marker(token);
        ListUsersResponse response = calls.call("ListUsers", "", () -> iam.listUsers(b -> b.marker(requested)));
        List<UserKeys> users = new ArrayList<>();
        for (software.amazon.awssdk.services.iam.model.User user : identifiedUsers(response.users())) {
            String name = IamValues.name(user.userName(), user.arn());
            List<String> skipped = new ArrayList<>();
            List<AccessKey> keys;
            try {
                keys = accessKeys(user.arn(), name, skipped);
            } catch (AwsCallException e) {
                if (!e.kind().skippable()) {
                    throw e;
                }
                skipped.add("ListAccessKeys " + e.errorCode());
                keys = List.of();
            }
            if (!skipped.isEmpty()) {
                warnings.warn("baton-aws: incomplete access keys of " + user.arn() + ": " + String.join(", ", skipped));
            }
            users.add(new UserKeys(user.arn(), name, keys));
        }
        return Page.of(users, AwsPaging.nextMarker(response.isTruncated(), response.marker(), requested));
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

    private List<AccessKey> accessKeys(String userArn, String userName, List<String> skipped) throws AwsCallException {
        List<AccessKey> keys = new ArrayList<>();
        for (AccessKeyMetadata key : listAccessKeys(userArn, userName)) {
            AccessKeyLastUsed used = soft(
                    "GetAccessKeyLastUsed",
                    userArn,
                    () -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId()))
                            .accessKeyLastUsed(),
                    skipped);
            keys.add(new AccessKey(
                    key.accessKeyId(),
                    key.statusAsString(),
                    seconds(key.createDate()),
                    used == null ? null : seconds(used.lastUsedDate())));
        }
        return keys;
    }

    /** ListAccessKeys of one user, keys without an id (every member is optional there) skipped with a warning. */
    List<AccessKeyMetadata> listAccessKeys(String userArn, String userName) throws AwsCallException {
        List<AccessKeyMetadata> listed = calls.call(
                "ListAccessKeys",
                userArn,
                () -> iam.listAccessKeys(b -> b.userName(userName)).accessKeyMetadata());
        List<AccessKeyMetadata> keys = new ArrayList<>();
        for (AccessKeyMetadata key : listed) {
            if (IamValues.absent(key.accessKeyId())) {
                warnings.warn(IamValues.skipping(ResourceTypes.ACCESS_KEY_ID + " of", userArn, "AccessKeyId"));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    @Override
    public Page<ManagedPolicy> policies(PolicyScopeType scope, boolean onlyAttached, PageToken token)
            throws AwsCallException {
        String requested = marker(token);
        ListPoliciesResponse response = calls.call(
                "ListPolicies",
                "",
                () -> iam.listPolicies(
                        b -> b.scope(scope).onlyAttached(onlyAttached).marker(requested)));
        List<ManagedPolicy> policies = IamValues.withArn(
                        response.policies(),
                        software.amazon.awssdk.services.iam.model.Policy::arn,
                        p -> AwsValues.firstText(p.policyId(), p.policyName()),
                        ResourceTypes.IAM_POLICY_ID,
                        warnings)
                .stream()
                .map(p -> new ManagedPolicy(p.arn(), p.policyName(), p.description(), p.defaultVersionId()))
                .toList();
        return Page.of(policies, AwsPaging.nextMarker(response.isTruncated(), response.marker(), requested));
    }

    @Override
    public String policyDocument(ManagedPolicy policy) throws AwsCallException {
        PolicyVersion version = calls.call(
                "GetPolicyVersion",
                policy.arn(),
                () -> iam.getPolicyVersion(b -> b.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
                        .policyVersion());
        return version == null ? "" : decodeDocument(version.document());
    }

    private List<software.amazon.awssdk.services.iam.model.User> identifiedUsers(
            List<software.amazon.awssdk.services.iam.model.User> listed) {
        return IamValues.withArn(
                listed,
                software.amazon.awssdk.services.iam.model.User::arn,
                u -> AwsValues.firstText(u.userId(), u.userName()),
                ResourceTypes.IAM_USER_ID,
                warnings);
    }

    private <T> T soft(String operation, String arn, Supplier<T> call, List<String> skipped) throws AwsCallException {
        try {
            return calls.call(operation, arn, call);
        } catch (AwsCallException e) {
            if (!e.kind().skippable()) {
                throw e;
            }
            skipped.add(operation + " " + e.errorCode());
            return null;
        }
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        if (tags != null) {
            tags.forEach(tag -> map.put(tag.key(), AwsValues.text(tag.value())));
        }
        return map;
    }

    private static String marker(PageToken token) {
        return token.isFirst() ? null : token.value();
    }

    private record Chunk<T>(List<T> items, String marker) {}
}
