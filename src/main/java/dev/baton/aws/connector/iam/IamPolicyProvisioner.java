package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import com.google.protobuf.Message;
import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyExists;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import java.util.List;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Resource type {@code iam_policy}: attach and detach of a managed policy ({@code iam_policy:<arn>:attached}) to an
 * IAM user, role or group, in the account that owns the principal.
 */
public final class IamPolicyProvisioner implements GrantProvisioner {
    private final AwsClients clients;

    public IamPolicyProvisioner(AwsClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.IAM_POLICY_ID;
    }

    @Override
    public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
        String policyArn = entitlement.getResource().getId().getResource();
        if (policyArn.isEmpty()) {
            throw new SyncException("baton-aws: entitlement missing policy ARN");
        }
        Attachment attachment = attachment(policyArn, principal.getId());
        Grant grant = attachedGrant(entitlement, principal.getId());
        if (attachment.policies().isAttached(attachment.principal(), policyArn)) {
            return new ProvisionResult(
                    List.of(grant), List.of(), ProvisionAnnotations.of(GrantAlreadyExists.getDefaultInstance()));
        }
        try {
            AwsResponse response = attachment.policies().attach(attachment.principal(), policyArn);
            return new ProvisionResult(List.of(grant), List.of(), ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            throw IamResults.callFailure("failed to attach managed policy", e);
        }
    }

    @Override
    public ProvisionResult revoke(Grant grant) throws SyncException {
        String policyArn = grant.getEntitlement().getResource().getId().getResource();
        if (policyArn.isEmpty()) {
            throw new SyncException("baton-aws: grant missing policy ARN");
        }
        Attachment attachment = attachment(policyArn, grant.getPrincipal().getId());
        try {
            AwsResponse response = attachment.policies().detach(attachment.principal(), policyArn);
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                // Not attached, or the principal is gone: nothing left to revoke.
                return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance()));
            }
            throw IamResults.callFailure("failed to detach managed policy", e);
        }
    }

    /** The policy attachment grant the principal's syncer emits: roles expand deeply, groups to their direct members. */
    static Grant attachedGrant(Entitlement entitlement, ResourceId principal) {
        List<Message> annotations = switch (principal.getResourceType()) {
            case ResourceTypes.ROLE_ID -> List.of(Grants.expandable(Ids.entitlementId(principal, "assignment"), false));
            case ResourceTypes.GROUP_ID -> List.of(Grants.expandable(Ids.entitlementId(principal, "member"), true));
            default -> List.of();
        };
        return Grants.grant(entitlement, principal, annotations);
    }

    private Attachment attachment(String policyArn, ResourceId principalId) throws SyncException {
        PrincipalPolicies.Kind kind = PrincipalPolicies.Kind.of(principalId.getResourceType());
        if (kind == null) {
            throw new SyncException("baton-aws: managed policies can only be attached to iam users, roles, and "
                    + "groups, got \"" + principalId.getResourceType() + "\"");
        }
        EntityArn principal = EntityArn.parse(principalId.getResource(), kind.arnKind());
        EntityArn policy = EntityArn.parse(policyArn, "policy");
        if (!policy.awsManaged() && !policy.accountId().equals(principal.accountId())) {
            throw new SyncException("baton-aws: policy " + policyArn + " belongs to account " + policy.accountId()
                    + " and cannot be attached to " + principal.arn() + " in account " + principal.accountId());
        }
        return new Attachment(new PrincipalPolicies(IamResults.iam(clients, principal.accountId()), kind), principal);
    }

    private record Attachment(PrincipalPolicies policies, EntityArn principal) {}
}
