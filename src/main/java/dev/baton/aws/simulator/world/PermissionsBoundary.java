package dev.baton.aws.simulator.world;

/** A permission set's boundary: exactly one of an AWS-managed policy ARN or a customer-managed reference. */
public record PermissionsBoundary(String managedPolicyArn, PolicyReference customerManagedPolicyReference) {
    public PermissionsBoundary {
        if ((managedPolicyArn == null) == (customerManagedPolicyReference == null)) {
            throw new IllegalArgumentException("exactly one of managedPolicyArn and customerManagedPolicyReference");
        }
    }
}
