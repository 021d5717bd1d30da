package dev.baton.aws.connector.identitycenter;

import static java.util.Objects.requireNonNull;

import dev.baton.aws.connector.ResourceTypes;
import dev.baton.aws.proto.c1.connector.v2.ResourceId;
import dev.baton.aws.spi.SyncException;
import software.amazon.awssdk.services.ssoadmin.model.PrincipalType;

/**
 * An Identity Center user or group named by its identitystore ARN
 * ({@code arn:aws:identitystore:<region>::<storeId>/user/<id>}); the APIs take the native id after the last marker.
 */
record SsoPrincipal(ResourceId resourceId, PrincipalType type, String id) {
    SsoPrincipal {
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(type, "type is null");
        requireNonNull(id, "id is null");
    }

    /** Only {@code sso_user} and {@code sso_group}; other types fail with upstream's message. */
    static SsoPrincipal of(ResourceId principal) throws SyncException {
        return switch (principal.getResourceType()) {
            case ResourceTypes.SSO_USER_ID ->
                new SsoPrincipal(principal, PrincipalType.USER, userId(principal.getResource()));
            case ResourceTypes.SSO_GROUP_ID ->
                new SsoPrincipal(principal, PrincipalType.GROUP, groupId(principal.getResource()));
            default ->
                throw new SyncException("baton-aws: invalid principal resource type: " + principal.getResourceType());
        };
    }

    static String userId(String arn) throws SyncException {
        return idAfter(arn, "/user/", "ssoUserIdFromARN");
    }

    static String groupId(String arn) throws SyncException {
        return idAfter(arn, "/group/", "ssoGroupIdFromARN");
    }

    String arn() {
        return resourceId.getResource();
    }

    private static String idAfter(String arn, String marker, String what) throws SyncException {
        int at = arn.lastIndexOf(marker);
        String id = at < 0 ? "" : arn.substring(at + marker.length());
        if (!arn.startsWith("arn:") || id.isEmpty() || id.contains("/")) {
            throw new SyncException(what + ": invalid identitystore ARN \"" + arn + "\"");
        }
        return id;
    }
}
