package dev.baton.aws.provisioning;

import org.junit.jupiter.api.Test;

/**
 * The IAM grant/revoke matrix against replies that leave out every member AWS's model does not require (the
 * simulator's {@code faults.sparse = all}).
 */
class SparseIamProvisioningTest extends IamProvisioningTest {
    @Override
    SimulatedAws newAws() {
        return new SimulatedAws(world -> world.putObject("faults").put("sparse", "all"), 1);
    }

    @Test
    @Override
    void awsManagedPolicyAttachToGroupIsIdempotent() throws Exception {
        super.awsManagedPolicyAttachToGroupIsIdempotent();
    }

    @Test
    @Override
    void managedPolicyAttachToUserIsIdempotent() throws Exception {
        super.managedPolicyAttachToUserIsIdempotent();
    }

    @Test
    @Override
    void managedPolicyAttachAndDetachOnARoleAreIdempotent() throws Exception {
        super.managedPolicyAttachAndDetachOnARoleAreIdempotent();
    }
}
