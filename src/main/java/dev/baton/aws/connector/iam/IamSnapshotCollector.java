package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.IamCall.decodeDocument;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.iam.CredentialReport.KeySlot;
import dev.baton.aws.connector.iam.CredentialReport.Row;
import dev.baton.aws.connector.iam.IamAccountSnapshot.ListedPolicy;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
import dev.baton.aws.connector.iam.IamRecords.ManagedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Role;
import dev.baton.aws.connector.iam.IamRecords.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
import software.amazon.awssdk.services.iam.model.GroupDetail;
import software.amazon.awssdk.services.iam.model.ManagedPolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyDetail;
import software.amazon.awssdk.services.iam.model.PolicyVersion;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * Collects an {@link IamAccountSnapshot}: the fast path that replaces upstream's N+1 calls with a handful of paged
 * ones. Throws ACCESS_DENIED when the caller may not read GAAD or the credential report; the caller then falls back
 * to {@link PerEntityIamReader}.
 */
final class IamSnapshotCollector {
    private static final Duration REPORT_WAIT = Duration.ofSeconds(60);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(2);
    /** GetCredentialReport errors that mean "not built yet" while a generation runs. */
    private static final Set<String> NOT_READY = Set.of("ReportInProgress", "ReportNotPresent", "ReportExpired");

    /** Waits between credential-report polls; tests pass one that takes no real time. */
    @FunctionalInterface
    interface Pauser {
        void pause(Duration duration);
    }

    private final IamClient iam;
    private final String accountId;
    private final Clock clock;
    private final Pauser pauser;

    IamSnapshotCollector(IamClient iam, String accountId) {
        this(iam, accountId, Clock.systemUTC(), IamSnapshotCollector::sleep);
    }

    IamSnapshotCollector(IamClient iam, String accountId, Clock clock, Pauser pauser) {
        this.iam = requireNonNull(iam, "iam is null");
        this.accountId = requireNonNull(accountId, "accountId is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pauser = requireNonNull(pauser, "pauser is null");
    }

    IamAccountSnapshot collect() throws AwsCallException {
        Details details = new Details(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String marker = null;
        do {
            String current = marker;
            GetAccountAuthorizationDetailsResponse page = IamCall.call("GetAccountAuthorizationDetails", accountId,
                    "", () -> iam.getAccountAuthorizationDetails(b -> b.marker(current)));
            details.users().addAll(page.userDetailList());
            details.groups().addAll(page.groupDetailList());
            details.roles().addAll(page.roleDetailList());
            details.policies().addAll(page.policies());
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        CredentialReport report = credentialReport();
        return snapshot(details, listedRoles(), report);
    }

    /** What ListRoles adds to GAAD's RoleDetail. */
    private record ListedRole(String description, Integer maxSessionDuration) {}

    /** Every page of GetAccountAuthorizationDetails, concatenated. */
    private record Details(List<UserDetail> users, List<GroupDetail> groups, List<RoleDetail> roles,
                           List<ManagedPolicyDetail> policies) {}

    /** ListRoles, for the description and max session duration GAAD leaves out. */
    private Map<String, ListedRole> listedRoles() throws AwsCallException {
        Map<String, ListedRole> byArn = new HashMap<>();
        String marker = null;
        do {
            String current = marker;
            var page = IamCall.call("ListRoles", accountId, "", () -> iam.listRoles(b -> b.marker(current)));
            page.roles().forEach(role -> byArn.put(role.arn(),
                    new ListedRole(role.description(), role.maxSessionDuration())));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        return byArn;
    }

    /**
     * One GenerateCredentialReport, then GetCredentialReport. COMPLETE means AWS holds a report younger than four
     * hours and will not build a new one, so Get returns it at once. STARTED or INPROGRESS means AWS is building
     * one: Get answers ReportInProgress until it is ready, so it is polled (after a pause) instead of Generate,
     * which would only answer INPROGRESS and still need a Get after it.
     */
    private CredentialReport credentialReport() throws AwsCallException {
        var generated = IamCall.call("GenerateCredentialReport", accountId, "", () -> iam.generateCredentialReport());
        Instant deadline = clock.instant().plus(REPORT_WAIT);
        Duration pause = generated.state() == ReportStateType.COMPLETE ? Duration.ZERO : FIRST_PAUSE;
        while (true) {
            if (!pause.isZero()) {
                pauser.pause(pause);
            }
            try {
                var report = IamCall.call("GetCredentialReport", accountId, "", () -> iam.getCredentialReport());
                return CredentialReport.parse(report.content().asString(StandardCharsets.UTF_8));
            } catch (AwsCallException e) {
                if (!NOT_READY.contains(e.errorCode())) {
                    throw e;
                }
                if (clock.instant().isAfter(deadline)) {
                    // A report that never completes must not hang the sync: treat it like a denied fast path.
                    throw new AwsCallException("iam", "GetCredentialReport", accountId, "",
                            ErrorKind.ACCESS_DENIED, "ReportNotComplete", e);
                }
            }
            pause = pause.isZero() ? FIRST_PAUSE : min(pause.multipliedBy(2), MAX_PAUSE);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis()); // AWS builds the report asynchronously; it asks callers to poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the IAM credential report", e);
        }
    }

    private IamAccountSnapshot snapshot(Details details, Map<String, ListedRole> listedRoles,
                                        CredentialReport report) {
        Map<String, List<AttachedPolicy>> attached = new HashMap<>();
        Map<String, List<InlinePolicy>> inline = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        for (GroupDetail group : details.groups()) {
            groups.add(new Group(group.arn(), group.groupName(), group.path(), group.groupId()));
            attached.put(group.arn(), attached(group.attachedManagedPolicies()));
            inline.put(group.arn(), inline(group.groupPolicyList()));
        }
        List<User> users = new ArrayList<>();
        for (UserDetail user : details.users()) {
            users.add(user(user, report.row(user.arn())));
            attached.put(user.arn(), attached(user.attachedManagedPolicies()));
            inline.put(user.arn(), inline(user.userPolicyList()));
        }
        List<Role> roles = new ArrayList<>();
        for (RoleDetail role : details.roles()) {
            roles.add(role(role, listedRoles.get(role.arn())));
            attached.put(role.arn(), attached(role.attachedManagedPolicies()));
            inline.put(role.arn(), inline(role.rolePolicyList()));
        }
        return new IamAccountSnapshot(accountId, users, groups, roles, members(details), attached, inline,
                managedPolicies(details.policies()), documents(details.policies()), report);
    }

    /**
     * GAAD's policies in its order, as ListPolicies would list them, with whether each is attached anywhere. The
     * description stays empty although GAAD has it: ListPolicies never returns one, so upstream and the per-entity
     * path show none, and the two paths must write the same rows.
     */
    private static List<ListedPolicy> managedPolicies(List<ManagedPolicyDetail> policies) {
        return policies.stream().map(policy -> new ListedPolicy(new ManagedPolicy(policy.arn(), policy.policyName(),
                "",
                policy.defaultVersionId() == null ? "" : policy.defaultVersionId()),
                policy.attachmentCount() != null && policy.attachmentCount() > 0)).toList();
    }

    /** Group ARN to member user ARNs: GAAD lists each user's group names, not each group's members. */
    private static Map<String, List<String>> members(Details details) {
        Map<String, String> groupArnByName = new HashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (GroupDetail group : details.groups()) {
            groupArnByName.put(group.groupName(), group.arn());
            members.put(group.arn(), new ArrayList<>());
        }
        for (UserDetail user : details.users()) {
            for (String groupName : user.groupList()) {
                String groupArn = groupArnByName.get(groupName);
                if (groupArn != null) {
                    members.get(groupArn).add(user.arn());
                }
            }
        }
        return members;
    }

    private static Role role(RoleDetail role, ListedRole listed) {
        return new Role(role.arn(), role.roleName(), role.path(),
                listed == null || listed.description() == null ? "" : listed.description(),
                listed == null ? null : listed.maxSessionDuration(), PerEntityIamReader.tags(role.tags()),
                decodeDocument(role.assumeRolePolicyDocument()));
    }

    private static User user(UserDetail user, Row row) {
        List<Instant> keysLastUsed = new ArrayList<>();
        if (row != null) {
            row.keySlots().stream().map(KeySlot::lastUsed).filter(used -> used != null).forEach(keysLastUsed::add);
        }
        return new User(user.arn(), user.userName(), user.path(), user.userId(), PerEntityIamReader.tags(user.tags()),
                row == null ? null : row.passwordLastUsed(), keysLastUsed, row != null && row.mfaActive(),
                row != null && row.passwordEnabled());
    }

    private static List<AttachedPolicy> attached(List<software.amazon.awssdk.services.iam.model.AttachedPolicy> list) {
        return list.stream().map(p -> new AttachedPolicy(p.policyName(), p.policyArn())).toList();
    }

    private static List<InlinePolicy> inline(List<PolicyDetail> list) {
        return list.stream().map(p -> new InlinePolicy(p.policyName(), decodeDocument(p.policyDocument()))).toList();
    }

    private static Map<String, String> documents(List<ManagedPolicyDetail> policies) {
        Map<String, String> documents = new HashMap<>();
        for (ManagedPolicyDetail policy : policies) {
            for (PolicyVersion version : policy.policyVersionList()) {
                if (Boolean.TRUE.equals(version.isDefaultVersion())
                        || (version.versionId() != null && version.versionId().equals(policy.defaultVersionId()))) {
                    documents.put(policy.arn(), decodeDocument(version.document()));
                }
            }
        }
        return documents;
    }
}
