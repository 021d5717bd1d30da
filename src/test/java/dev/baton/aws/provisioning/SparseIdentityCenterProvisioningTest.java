package dev.baton.aws.provisioning;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * The Identity Center grant/revoke matrix against replies that leave out every member AWS's model does not
 * require (the simulator's {@code faults.sparse = all}).
 */
class SparseIdentityCenterProvisioningTest extends IdentityCenterProvisioningTest {
    @Override
    SimulatedAws newAws() {
        return new SimulatedAws(world -> world.putObject("faults").put("sparse", "all"), 1);
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void flatAccountEntitlementGrantIsIdempotent() throws Exception {
        super.flatAccountEntitlementGrantIsIdempotent();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void assignmentWaitsForTheAsynchronousStatus() throws Exception {
        super.assignmentWaitsForTheAsynchronousStatus();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void bindingRevokeOfAGroupAssignmentUsesTheScopeBinding() throws Exception {
        super.bindingRevokeOfAGroupAssignmentUsesTheScopeBinding();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void ssoGroupMembershipGrantIsIdempotent() throws Exception {
        super.ssoGroupMembershipGrantIsIdempotent();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void assignmentOnASuspendedAccountFailsWithUpstreamsMessage() {
        super.assignmentOnASuspendedAccountFailsWithUpstreamsMessage();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void bindingGrantAndRevokeAreIdempotent() throws Exception {
        super.bindingGrantAndRevokeAreIdempotent();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void ssoGroupMembershipRevokeFindsTheMembershipAndIsIdempotent() throws Exception {
        super.ssoGroupMembershipRevokeFindsTheMembershipAndIsIdempotent();
    }

    @Test
    @Disabled("needs tolerant connectors: ListInstances' InstanceArn is optional in the model (NullPointerException: instanceArn is null)")
    @Override
    void flatAccountEntitlementRevokeIsIdempotent() throws Exception {
        super.flatAccountEntitlementRevokeIsIdempotent();
    }
}
