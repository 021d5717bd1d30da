package dev.baton.aws.spi;

/**
 * A write capability of one resource type. Implementations also implement one or more of
 * {@link GrantProvisioner}, {@link ResourceDeleter} and {@link AccountCreator}; capabilities are detected with
 * {@code instanceof}.
 */
public interface ResourceProvisioner {
    /** The resource type whose entitlements, resources or accounts this writes. */
    String resourceTypeId();
}
