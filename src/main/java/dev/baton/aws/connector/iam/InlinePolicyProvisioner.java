package dev.baton.aws.connector.iam;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.aws.AwsCallException;
import dev.baton.aws.aws.AwsClients;
import dev.baton.aws.aws.ErrorKind;
import dev.baton.aws.connector.ProvisionAnnotations;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Entitlement;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.GrantAlreadyRevoked;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.GrantProvisioner;
import dev.baton.aws.spi.ProvisionResult;
import dev.baton.aws.spi.SyncException;
import software.amazon.awssdk.awscore.AwsResponse;

/**
 * Resource type {@code inline_policy}: revoke deletes the inline policy from its user, role or group. Grant is
 * refused: an inline policy's document lives only in AWS, so there is nothing to re-create it from.
 */
public final class InlinePolicyProvisioner implements GrantProvisioner {
    private final AwsClients clients;

    public InlinePolicyProvisioner(AwsClients clients) {
        this.clients = requireNonNull(clients, "clients is null");
    }

    @Override
    public String resourceTypeId() {
        return ResourceTypes.INLINE_POLICY_ID;
    }

    @Override
    public ProvisionResult grant(Resource principal, Entitlement entitlement) throws SyncException {
        throw new SyncException("baton-aws: inline policies cannot be created via provisioning");
    }

    @Override
    public ProvisionResult revoke(Grant grant) throws SyncException {
        String policyId = grant.getEntitlement().getResource().getId().getResource();
        int separator = policyId.indexOf(Ids.INLINE_SEPARATOR);
        String parentArn = separator < 0 ? "" : policyId.substring(0, separator);
        String policyName = separator < 0 ? "" : policyId.substring(separator + Ids.INLINE_SEPARATOR.length());
        if (parentArn.isEmpty() || policyName.isEmpty()) {
            throw new SyncException("baton-aws: invalid inline policy resource id \"" + policyId + "\"");
        }
        ResourceId principal = grant.getPrincipal().getId();
        if (principal.getResourceType().equals(ResourceTypes.PERMISSION_SET_ID)) {
            throw new SyncException("baton-aws: permission set inline policies cannot be revoked via provisioning; "
                    + "manage them in IAM Identity Center");
        }
        PrincipalPolicies.Kind kind = PrincipalPolicies.Kind.of(principal.getResourceType());
        if (kind == null) {
            throw new SyncException("baton-aws: unsupported inline policy principal resource type \""
                    + principal.getResourceType() + "\"");
        }
        if (!principal.getResource().equals(parentArn)) {
            throw new SyncException("baton-aws: grant principal ARN does not match inline policy parent ARN");
        }
        EntityArn parent = EntityArn.parse(parentArn, kind.arnKind());
        PrincipalPolicies policies = new PrincipalPolicies(IamResults.iam(clients, parent.accountId()), kind);
        try {
            AwsResponse response = policies.deleteInline(parent, policyName, policyId);
            return ProvisionResult.ofAnnotations(ProvisionAnnotations.requestId(response));
        } catch (AwsCallException e) {
            if (e.kind() == ErrorKind.NOT_FOUND) {
                return ProvisionResult.ofAnnotations(ProvisionAnnotations.of(GrantAlreadyRevoked.getDefaultInstance()));
            }
            throw IamResults.callFailure("failed to delete inline policy", e);
        }
    }
}
