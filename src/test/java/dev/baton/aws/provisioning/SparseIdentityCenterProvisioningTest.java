package dev.baton.aws.provisioning;

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
    @Override
    void flatAccountEntitlementGrantIsIdempotent() throws Exception {
        super.flatAccountEntitlementGrantIsIdempotent();
    }

    @Test
    @Override
    void assignmentWaitsForTheAsynchronousStatus() throws Exception {
        super.assignmentWaitsForTheAsynchronousStatus();
    }

    @Test
    @Override
    void bindingRevokeOfAGroupAssignmentUsesTheScopeBinding() throws Exception {
        super.bindingRevokeOfAGroupAssignmentUsesTheScopeBinding();
    }

    @Test
    @Override
    void ssoGroupMembershipGrantIsIdempotent() throws Exception {
        super.ssoGroupMembershipGrantIsIdempotent();
    }

    @Test
    @Override
    void assignmentOnASuspendedAccountFailsWithUpstreamsMessage() {
        super.assignmentOnASuspendedAccountFailsWithUpstreamsMessage();
    }

    @Test
    @Override
    void bindingGrantAndRevokeAreIdempotent() throws Exception {
        super.bindingGrantAndRevokeAreIdempotent();
    }

    @Test
    @Override
    void ssoGroupMembershipRevokeFindsTheMembershipAndIsIdempotent() throws Exception {
        super.ssoGroupMembershipRevokeFindsTheMembershipAndIsIdempotent();
    }

    @Test
    @Override
    void flatAccountEntitlementRevokeIsIdempotent() throws Exception {
        super.flatAccountEntitlementRevokeIsIdempotent();
    }
}
