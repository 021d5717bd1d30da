package dev.baton.aws.connector.iam;

import static dev.baton.aws.connector.iam.IamCall.decodeDocument;
import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.iam.CredentialReport.KeySlot;
import dev.baton.aws.connector.iam.CredentialReport.Row;
import dev.baton.aws.connector.iam.IamRecords.AttachedPolicy;
import dev.baton.aws.connector.iam.IamRecords.Group;
import dev.baton.aws.connector.iam.IamRecords.InlinePolicy;
import dev.baton.aws.connector.iam.IamRecords.Role;
import dev.baton.aws.connector.iam.IamRecords.User;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetAccountAuthorizationDetailsResponse;
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

    private final IamClient iam;
    private final String accountId;

    IamSnapshotCollector(IamClient iam, String accountId) {
        this.iam = requireNonNull(iam, "iam is null");
        this.accountId = requireNonNull(accountId, "accountId is null");
    }

    IamAccountSnapshot collect() throws AwsCallException {
        List<UserDetail> users = new ArrayList<>();
        List<software.amazon.awssdk.services.iam.model.GroupDetail> groups = new ArrayList<>();
        List<RoleDetail> roles = new ArrayList<>();
        List<ManagedPolicyDetail> policies = new ArrayList<>();
        String marker = null;
        do {
            String current = marker;
            GetAccountAuthorizationDetailsResponse page = IamCall.call("GetAccountAuthorizationDetails", accountId,
                    "", () -> iam.getAccountAuthorizationDetails(b -> b.marker(current)));
            users.addAll(page.userDetailList());
            groups.addAll(page.groupDetailList());
            roles.addAll(page.roleDetailList());
            policies.addAll(page.policies());
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        CredentialReport report = credentialReport();
        return snapshot(users, groups, roles, policies, listedRoles(), report);
    }

    /** ListRoles, for the description and max session duration GAAD leaves out. */
    private Map<String, software.amazon.awssdk.services.iam.model.Role> listedRoles() throws AwsCallException {
        Map<String, software.amazon.awssdk.services.iam.model.Role> byArn = new HashMap<>();
        String marker = null;
        do {
            String current = marker;
            var page = IamCall.call("ListRoles", accountId, "", () -> iam.listRoles(b -> b.marker(current)));
            page.roles().forEach(role -> byArn.put(role.arn(), role));
            marker = page.isTruncated() ? page.marker() : null;
        } while (marker != null);
        return byArn;
    }

    private CredentialReport credentialReport() throws AwsCallException {
        Instant deadline = Instant.now().plus(REPORT_WAIT);
        long pauseMillis = 100;
        while (true) {
            var generated = IamCall.call("GenerateCredentialReport", accountId, "",
                    () -> iam.generateCredentialReport());
            if (generated.state() == ReportStateType.COMPLETE) {
                var report = IamCall.call("GetCredentialReport", accountId, "", () -> iam.getCredentialReport());
                return CredentialReport.parse(report.content().asString(StandardCharsets.UTF_8));
            }
            if (Instant.now().isAfter(deadline)) {
                // A report that never completes must not hang the sync: treat it like a denied fast path.
                throw new AwsCallException("iam", "GenerateCredentialReport", accountId, "",
                        ErrorKind.ACCESS_DENIED, "ReportNotComplete", null);
            }
            pause(pauseMillis);
            pauseMillis = Math.min(pauseMillis * 2, 2000);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // AWS builds the report asynchronously; it asks callers to poll
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the IAM credential report", e);
        }
    }

    private IamAccountSnapshot snapshot(List<UserDetail> userDetails,
                                        List<software.amazon.awssdk.services.iam.model.GroupDetail> groupDetails,
                                        List<RoleDetail> roleDetails, List<ManagedPolicyDetail> policies,
                                        Map<String, software.amazon.awssdk.services.iam.model.Role> listedRoles,
                                        CredentialReport report) {
        Map<String, List<AttachedPolicy>> attached = new HashMap<>();
        Map<String, List<InlinePolicy>> inline = new HashMap<>();
        Map<String, String> groupArnByName = new HashMap<>();
        List<Group> groups = new ArrayList<>();
        for (var group : groupDetails) {
            groups.add(new Group(group.arn(), group.groupName(), group.path(), group.groupId()));
            groupArnByName.put(group.groupName(), group.arn());
            attached.put(group.arn(), attached(group.attachedManagedPolicies()));
            inline.put(group.arn(), inline(group.groupPolicyList()));
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        groups.forEach(group -> members.put(group.arn(), new ArrayList<>()));
        List<User> users = new ArrayList<>();
        for (UserDetail user : userDetails) {
            users.add(user(user, report.row(user.arn())));
            attached.put(user.arn(), attached(user.attachedManagedPolicies()));
            inline.put(user.arn(), inline(user.userPolicyList()));
            for (String groupName : user.groupList()) {
                String groupArn = groupArnByName.get(groupName);
                if (groupArn != null) {
                    members.get(groupArn).add(user.arn());
                }
            }
        }
        List<Role> roles = new ArrayList<>();
        for (RoleDetail role : roleDetails) {
            var listed = listedRoles.get(role.arn());
            roles.add(new Role(role.arn(), role.roleName(), role.path(),
                    listed == null || listed.description() == null ? "" : listed.description(),
                    listed == null ? null : listed.maxSessionDuration(), PerEntityIamReader.tags(role.tags()),
                    decodeDocument(role.assumeRolePolicyDocument())));
            attached.put(role.arn(), attached(role.attachedManagedPolicies()));
            inline.put(role.arn(), inline(role.rolePolicyList()));
        }
        return new IamAccountSnapshot(accountId, users, groups, roles, members, attached, inline,
                documents(policies), report);
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
