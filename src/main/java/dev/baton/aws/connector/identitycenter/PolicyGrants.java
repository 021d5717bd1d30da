package dev.baton.aws.connector.identitycenter;

import com.google.protobuf.Message;
import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.model.Entitlements;
import dev.baton.aws.model.Grants;
import dev.baton.aws.model.Ids;
import dev.baton.aws.proto.c1.connector.v2.Grant;
import dev.baton.aws.proto.c1.connector.v2.Resource;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import java.util.List;

/**
 * Grants of an {@code iam_policy}'s {@code attached} entitlement to a permission set or to a binding.
 * Pure: tested on plain values.
 */
final class PolicyGrants {
    static final String ATTACHED = "attached";

    private PolicyGrants() {}

    /**
     * A grant with the SDK id {@code iam_policy:<policyArn>:attached:<principalType>:<principalId>}. The policy is
     * referenced by id and name only: the {@code iam_policy} syncer emits the full resource.
     */
    static Grant attached(
            String policyArn, String policyName, ResourceId principal, List<? extends Message> annotations) {
        Resource policy = Resource.newBuilder()
                .setId(Ids.resourceId(ResourceTypes.IAM_POLICY_ID, policyArn))
                .setDisplayName(policyName)
                .build();
        return Grants.grant(
                Entitlements.reference(Ids.entitlementId(policy.getId(), ATTACHED), policy), principal, annotations);
    }
}
