package dev.baton.aws.cli;

import dev.baton.aws.connector.ResourceTypes;
import java.util.List;

/**
 * The 14 resource type ids, sorted. Built from the compile-time id constants of {@link ResourceTypes} so that
 * {@code --help} and flag validation do not load the protobuf type table; a test keeps this list equal to the ids
 * of {@link ResourceTypes#ALL}.
 */
final class ResourceTypeIds {
    static final List<String> ALL = List.of(
            ResourceTypes.ACCESS_KEY_ID,
            ResourceTypes.ACCOUNT_ID,
            ResourceTypes.ACCOUNT_IAM_ID,
            ResourceTypes.GROUP_ID,
            ResourceTypes.IAM_POLICY_ID,
            ResourceTypes.IAM_USER_ID,
            ResourceTypes.INLINE_POLICY_ID,
            ResourceTypes.ORGANIZATION_ID,
            ResourceTypes.ORGANIZATIONAL_UNIT_ID,
            ResourceTypes.PERMISSION_SET_ID,
            ResourceTypes.PERMISSION_SET_ASSIGNMENT_ID,
            ResourceTypes.ROLE_ID,
            ResourceTypes.SSO_GROUP_ID,
            ResourceTypes.SSO_USER_ID);

    private ResourceTypeIds() {}
}
