package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedGroupPoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListAttachedUserPoliciesResponse;

/**
 * The user/role/group variants of IAM's managed- and inline-policy calls behind one switch, so the provisioners do
 * not repeat the three-way branch for every operation.
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

    private final IamClient client;
    private final Kind kind;

    PrincipalPolicies(IamClient client, Kind kind) {
        this.client = requireNonNull(client, "client is null");
        this.kind = requireNonNull(kind, "kind is null");
    }

    Kind kind() {
        return kind;
    }

    AwsResponse attach(EntityArn principal, String policyArn) {
        return switch (kind) {
            case USER -> client.attachUserPolicy(r -> r.userName(principal.name()).policyArn(policyArn));
            case ROLE -> client.attachRolePolicy(r -> r.roleName(principal.name()).policyArn(policyArn));
            case GROUP -> client.attachGroupPolicy(r -> r.groupName(principal.name()).policyArn(policyArn));
        };
    }

    AwsResponse detach(EntityArn principal, String policyArn) {
        return switch (kind) {
            case USER -> client.detachUserPolicy(r -> r.userName(principal.name()).policyArn(policyArn));
            case ROLE -> client.detachRolePolicy(r -> r.roleName(principal.name()).policyArn(policyArn));
            case GROUP -> client.detachGroupPolicy(r -> r.groupName(principal.name()).policyArn(policyArn));
        };
    }

    AwsResponse deleteInline(EntityArn principal, String policyName) {
        return switch (kind) {
            case USER -> client.deleteUserPolicy(r -> r.userName(principal.name()).policyName(policyName));
            case ROLE -> client.deleteRolePolicy(r -> r.roleName(principal.name()).policyName(policyName));
            case GROUP -> client.deleteGroupPolicy(r -> r.groupName(principal.name()).policyName(policyName));
        };
    }

    /** A principal that does not exist has nothing attached. */
    boolean isAttached(EntityArn principal, String policyArn) throws SyncException {
        String marker = null;
        try {
            do {
                AttachedPage page = attachedPage(principal, marker);
                if (page.policies().stream().anyMatch(p -> p.policyArn().equals(policyArn))) {
                    return true;
                }
                marker = page.marker();
            } while (marker != null);
            return false;
        } catch (SdkException e) {
            if (IamResults.notFound(e)) {
                return false;
            }
            throw IamResults.failure("cannot list attached policies", "ListAttached" + kind.operationSuffix() + "s",
                    principal.accountId(), principal.arn(), e);
        }
    }

    private AttachedPage attachedPage(EntityArn principal, String marker) {
        return switch (kind) {
            case USER -> {
                ListAttachedUserPoliciesResponse page = client.listAttachedUserPolicies(r -> r.userName(principal.name()).marker(marker));
                yield new AttachedPage(page.attachedPolicies(), next(page.isTruncated(), page.marker()));
            }
            case ROLE -> {
                ListAttachedRolePoliciesResponse page = client.listAttachedRolePolicies(r -> r.roleName(principal.name()).marker(marker));
                yield new AttachedPage(page.attachedPolicies(), next(page.isTruncated(), page.marker()));
            }
            case GROUP -> {
                ListAttachedGroupPoliciesResponse page = client.listAttachedGroupPolicies(r -> r.groupName(principal.name()).marker(marker));
                yield new AttachedPage(page.attachedPolicies(), next(page.isTruncated(), page.marker()));
            }
        };
    }

    private static String next(Boolean truncated, String marker) {
        return Boolean.TRUE.equals(truncated) && marker != null && !marker.isEmpty() ? marker : null;
    }

    private record AttachedPage(List<AttachedPolicy> policies, String marker) {}
}
