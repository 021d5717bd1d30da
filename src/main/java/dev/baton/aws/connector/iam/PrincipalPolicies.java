package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsPaging;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * The user/role/group variants of IAM's managed- and inline-policy calls behind one switch, so the provisioners do
 * not repeat the three-way branch for every operation. Every call goes through the account's {@link IamCalls}.
 */
final class PrincipalPolicies {
    /** The IAM principal kinds that hold policies. */
    enum Kind {
        USER("user", "UserPolicy"),
        ROLE("role", "RolePolicy"),
        GROUP("group", "GroupPolicy");

        private final String arnKind;
        private final String operationSuffix;

        Kind(String arnKind, String operationSuffix) {
            this.arnKind = arnKind;
            this.operationSuffix = operationSuffix;
        }

        /** Null for resource types that cannot hold IAM policies. */
        static Kind of(String resourceTypeId) {
            return switch (resourceTypeId) {
                case ResourceTypes.IAM_USER_ID -> USER;
                case ResourceTypes.ROLE_ID -> ROLE;
                case ResourceTypes.GROUP_ID -> GROUP;
                default -> null;
            };
        }

        String arnKind() {
            return arnKind;
        }

        String operationSuffix() {
            return operationSuffix;
        }
    }

    private final IamCalls calls;
    private final IamClient client;
    private final Kind kind;

    PrincipalPolicies(IamCalls calls, Kind kind) {
        this.calls = requireNonNull(calls, "calls is null");
        this.client = calls.client();
        this.kind = requireNonNull(kind, "kind is null");
    }

    Kind kind() {
        return kind;
    }

    AwsResponse attach(EntityArn principal, String policyArn) throws AwsCallException {
        String name = principal.name();
        return calls.call("Attach" + kind.operationSuffix(), principal.arn(), () -> switch (kind) {
            case USER -> client.attachUserPolicy(r -> r.userName(name).policyArn(policyArn));
            case ROLE -> client.attachRolePolicy(r -> r.roleName(name).policyArn(policyArn));
            case GROUP -> client.attachGroupPolicy(r -> r.groupName(name).policyArn(policyArn));
        });
    }

    AwsResponse detach(EntityArn principal, String policyArn) throws AwsCallException {
        String name = principal.name();
        return calls.call("Detach" + kind.operationSuffix(), principal.arn(), () -> switch (kind) {
            case USER -> client.detachUserPolicy(r -> r.userName(name).policyArn(policyArn));
            case ROLE -> client.detachRolePolicy(r -> r.roleName(name).policyArn(policyArn));
            case GROUP -> client.detachGroupPolicy(r -> r.groupName(name).policyArn(policyArn));
        });
    }

    /** @param policyId the inline policy's resource id, which failures name */
    AwsResponse deleteInline(EntityArn principal, String policyName, String policyId) throws AwsCallException {
        String name = principal.name();
        return calls.call("Delete" + kind.operationSuffix(), policyId, () -> switch (kind) {
            case USER -> client.deleteUserPolicy(r -> r.userName(name).policyName(policyName));
            case ROLE -> client.deleteRolePolicy(r -> r.roleName(name).policyName(policyName));
            case GROUP -> client.deleteGroupPolicy(r -> r.groupName(name).policyName(policyName));
        });
    }

    /** A principal that does not exist has nothing attached. */
    boolean isAttached(EntityArn principal, String policyArn) throws SyncException {
        String marker = null;
        try {
            do {
                AttachedPage page = attachedPage(principal, marker);
                if (page.policies().stream().anyMatch(p -> policyArn.equals(p.policyArn()))) {
                    return true;
                }
                marker = page.marker();
            } while (marker != null);
            return false;
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return false;
            }
            throw IamResults.callFailure("cannot list attached policies", e);
        }
    }

    private AttachedPage attachedPage(EntityArn principal, String marker) throws AwsCallException {
        String name = principal.name();
        return calls.call("ListAttached" + kind.operationSuffix() + "s", principal.arn(), () -> switch (kind) {
            case USER -> {
                var page = client.listAttachedUserPolicies(r -> r.userName(name).marker(marker));
                yield new AttachedPage(
                        page.attachedPolicies(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
            }
            case ROLE -> {
                var page = client.listAttachedRolePolicies(r -> r.roleName(name).marker(marker));
                yield new AttachedPage(
                        page.attachedPolicies(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
            }
            case GROUP -> {
                var page =
                        client.listAttachedGroupPolicies(r -> r.groupName(name).marker(marker));
                yield new AttachedPage(
                        page.attachedPolicies(), AwsPaging.nextMarker(page.isTruncated(), page.marker(), marker));
            }
        });
    }

    private record AttachedPage(List<AttachedPolicy> policies, String marker) {}
}
