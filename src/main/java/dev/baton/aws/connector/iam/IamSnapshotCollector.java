package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.IamValues.decodeDocument;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.AwsValues;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.connector.iam.CredentialReport.KeySlot;
import dev.baton.aws.connector.iam.CredentialReport.Row;
import dev.baton.aws.connector.iam.IamAccountSnapshot.ListedPolicy;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
import dev.baton.aws.connector.iam.IamRecords.ManagedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Role;
import dev.baton.aws.connector.iam.IamRecords.User;
import dev.baton.aws.spi.SyncWarnings;
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

    private final IamCalls calls;
    private final IamClient iam;
    private final String accountId;
    private final SyncWarnings warnings;
    private final Clock clock;
    private final Pauser pauser;

    IamSnapshotCollector(IamCalls calls, SyncWarnings warnings) {
        this(calls, warnings, Clock.systemUTC(), IamSnapshotCollector::sleep);
    }

    IamSnapshotCollector(IamCalls calls, SyncWarnings warnings, Clock clock, Pauser pauser) {
        this.calls = requireNonNull(calls, "calls is null");
        this.iam = calls.client();
        this.accountId = calls.accountId();
        this.warnings = requireNonNull(warnings, "warnings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.pauser = requireNonNull(pauser, "pauser is null");
    }

    IamAccountSnapshot collect() throws AwsCallException {
        Details details = new Details(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String marker = null;
        do {
            String current = marker;
            GetAccountAuthorizationDetailsResponse page = calls.call(
                    "GetAccountAuthorizationDetails",
                    "",
                    () -> iam.getAccountAuthorizationDetails(b -> b.marker(current)));
            details.users()
                    .addAll(IamValues.withArn(
                            page.userDetailList(),
                            UserDetail::arn,
                            u -> AwsValues.firstText(u.userId(), u.userName()),
                            ResourceTypes.IAM_USER_ID,
                            warnings));
            details.groups()
                    .addAll(IamValues.withArn(
                            page.groupDetailList(),
                            GroupDetail::arn,
                            g -> AwsValues.firstText(g.groupId(), g.groupName()),
                            ResourceTypes.GROUP_ID,
                            warnings));
            details.roles()
                    .addAll(IamValues.withArn(
                            page.roleDetailList(),
                            RoleDetail::arn,
                            r -> AwsValues.firstText(r.roleId(), r.roleName()),
                            ResourceTypes.ROLE_ID,
                            warnings));
            details.policies()
                    .addAll(IamValues.withArn(
                            page.policies(),
                            ManagedPolicyDetail::arn,
                            p -> AwsValues.firstText(p.policyId(), p.policyName()),
                            ResourceTypes.IAM_POLICY_ID,
                            warnings));
            marker = AwsPaging.nextMarker(page.isTruncated(), page.marker(), current);
        } while (marker != null);
        CredentialReport report = credentialReport();
        return snapshot(details, listedRoles(), report);
    }

    /** What ListRoles adds to GAAD's RoleDetail. */
    private record ListedRole(String description, Integer maxSessionDuration) {}

    /** Every page of GetAccountAuthorizationDetails, concatenated. */
    private record Details(
            List<UserDetail> users,
            List<GroupDetail> groups,
            List<RoleDetail> roles,
            List<ManagedPolicyDetail> policies) {}

    /** ListRoles, for the description and max session duration GAAD leaves out. */
    private Map<String, ListedRole> listedRoles() throws AwsCallException {
        Map<String, ListedRole> byArn = new HashMap<>();
        String marker = null;
        do {
            String current = marker;
            var page = calls.call("ListRoles", "", () -> iam.listRoles(b -> b.marker(current)));
            page.roles().stream()
                    .filter(role -> role.arn() != null)
                    .forEach(role ->
                            byArn.put(role.arn(), new ListedRole(role.description(), role.maxSessionDuration())));
            marker = AwsPaging.nextMarker(page.isTruncated(), page.marker(), current);
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
        var generated = calls.call("GenerateCredentialReport", "", () -> iam.generateCredentialReport());
        Instant deadline = clock.instant().plus(REPORT_WAIT);
        Duration pause = generated.state() == ReportStateType.COMPLETE ? Duration.ZERO : FIRST_PAUSE;
        while (true) {
            if (!pause.isZero()) {
                pauser.pause(pause);
            }
            try {
                var report = calls.call("GetCredentialReport", "", () -> iam.getCredentialReport());
                // Content is optional in AWS's model: a report without it lists nobody, so every user's
                // credential facts are read the per-entity way.
                return CredentialReport.parse(
                        report.content() == null ? "" : report.content().asString(StandardCharsets.UTF_8));
            } catch (AwsCallException e) {
                if (!NOT_READY.contains(e.errorCode())) {
                    throw e;
                }
                if (clock.instant().isAfter(deadline)) {
                    // A report that never completes must not hang the sync: treat it like a denied fast path.
                    throw new AwsCallException(
                            "iam",
                            "GetCredentialReport",
                            accountId,
                            "",
                            ErrorKind.ACCESS_DENIED,
                            "ReportNotComplete",
                            e);
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

    private IamAccountSnapshot snapshot(Details details, Map<String, ListedRole> listedRoles, CredentialReport report) {
        Map<String, List<AttachedPolicy>> attached = new HashMap<>();
        Map<String, List<InlinePolicy>> inline = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        for (GroupDetail group : details.groups()) {
            groups.add(new Group(group.arn(), group.groupName(), group.path(), group.groupId()));
            attached.put(
                    group.arn(), PerEntityIamReader.attached(group.attachedManagedPolicies(), group.arn(), warnings));
            inline.put(group.arn(), inline(group.groupPolicyList(), group.arn()));
        }
        List<User> users = new ArrayList<>();
        for (UserDetail user : details.users()) {
            users.add(user(user, report.row(user.arn())));
            attached.put(user.arn(), PerEntityIamReader.attached(user.attachedManagedPolicies(), user.arn(), warnings));
            inline.put(user.arn(), inline(user.userPolicyList(), user.arn()));
        }
        List<Role> roles = new ArrayList<>();
        for (RoleDetail role : details.roles()) {
            roles.add(role(role, listedRoles.get(role.arn())));
            attached.put(role.arn(), PerEntityIamReader.attached(role.attachedManagedPolicies(), role.arn(), warnings));
            inline.put(role.arn(), inline(role.rolePolicyList(), role.arn()));
        }
        return new IamAccountSnapshot(
                accountId,
                users,
                groups,
                roles,
                members(details, groups),
                attached,
                inline,
                managedPolicies(details.policies()),
                documents(details.policies()),
                report);
    }

    /**
     * GAAD's policies in its order, as ListPolicies would list them, with whether each is attached anywhere. The
     * description stays empty although GAAD has it: ListPolicies never returns one, so upstream and the per-entity
     * path show none, and the two paths must write the same rows. A policy without AttachmentCount counts as
     * attached, so that {@code --sync-only-attached-policies} does not drop what AWS did not describe.
     */
    private static List<ListedPolicy> managedPolicies(List<ManagedPolicyDetail> policies) {
        return policies.stream()
                .map(policy -> new ListedPolicy(
                        new ManagedPolicy(policy.arn(), policy.policyName(), "", policy.defaultVersionId()),
                        policy.attachmentCount() == null || policy.attachmentCount() > 0))
                .toList();
    }

    /** Group ARN to member user ARNs: GAAD lists each user's group names, not each group's members. */
    private static Map<String, List<String>> members(Details details, List<Group> groups) {
        Map<String, String> groupArnByName = new HashMap<>();
        Map<String, List<String>> members = new LinkedHashMap<>();
        for (Group group : groups) {
            groupArnByName.put(group.name(), group.arn());
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
        return new Role(
                role.arn(),
                role.roleName(),
                role.path(),
                listed == null ? "" : listed.description(),
                listed == null ? null : listed.maxSessionDuration(),
                PerEntityIamReader.tags(role.tags()),
                decodeDocument(role.assumeRolePolicyDocument()));
    }

    private static User user(UserDetail user, Row row) {
        List<Instant> keysLastUsed = new ArrayList<>();
        if (row != null) {
            row.keySlots().stream()
                    .map(KeySlot::lastUsed)
                    .filter(used -> used != null)
                    .forEach(keysLastUsed::add);
        }
        return new User(
                user.arn(),
                user.userName(),
                user.path(),
                user.userId(),
                PerEntityIamReader.tags(user.tags()),
                row == null ? null : row.passwordLastUsed(),
                keysLastUsed,
                row != null && row.mfaActive(),
                row != null && row.passwordEnabled());
    }

    /** Inline policies with their documents; one without a name cannot be addressed and is skipped. */
    private List<InlinePolicy> inline(List<PolicyDetail> list, String principalArn) {
        List<InlinePolicy> policies = new ArrayList<>();
        for (PolicyDetail policy : list) {
            if (IamValues.absent(policy.policyName())) {
                warnings.warn(IamValues.skipping(ResourceTypes.INLINE_POLICY_ID + " of", principalArn, "PolicyName"));
            } else {
                policies.add(new InlinePolicy(policy.policyName(), decodeDocument(policy.policyDocument())));
            }
        }
        return policies;
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
